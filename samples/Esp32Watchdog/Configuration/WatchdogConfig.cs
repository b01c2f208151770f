using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// Everything the watchdog can be told, in one place. Defaults are deliberately conservative:
    /// a watchdog that reboots a healthy router is worse than none.
    /// </summary>
    /// <remarks>
    /// Durations are milliseconds of the board's monotonic clock. <see cref="Validate"/> must pass
    /// before the watchdog starts.
    /// </remarks>
    public sealed class WatchdogConfig
    {
        /// <summary>The placeholder that marks a value the user has not filled in yet.</summary>
        public const string Placeholder = "CHANGE-ME";

        /// <summary>Wi-Fi network name the board joins.</summary>
        public string WifiSsid { get; set; } = string.Empty;

        /// <summary>Wi-Fi password.</summary>
        public string WifiPassword { get; set; } = string.Empty;

        /// <summary>The routers to watch (at least one).</summary>
        public RouterConfig[] Routers { get; set; } = new RouterConfig[0];

        /// <summary>Time between two probe rounds of one router.</summary>
        public int ProbeIntervalMilliseconds { get; set; } = 30000;

        /// <summary>The time limit of one command of a probe round (and of the login).</summary>
        public int ProbeTimeoutMilliseconds { get; set; } = 15000;

        /// <summary>
        /// The deadline of one whole probe round, connect included. What is left unasked when it
        /// passes stays unknown (never counted). Keep it well below the board watchdog's timeout.
        /// </summary>
        public int ProbeRoundMilliseconds { get; set; } = 60000;

        /// <summary>
        /// The health checks every router gets (each router its own copy, see <see cref="ChecksFor"/>):
        /// by default cpu-load pegged for 10 rounds (<see cref="CpuLoadCheck"/>) and free memory below
        /// 3% (<see cref="FreeMemoryFloorCheck"/>). A router's own check of the same name
        /// (<see cref="RouterConfig.Checks"/>) replaces the default for that router.
        /// </summary>
        public IHealthCheck[] Checks { get; set; } = new IHealthCheck[] { new CpuLoadCheck(), new FreeMemoryFloorCheck() };

        /// <summary>Consecutive unhealthy rounds before the watchdog acts (hysteresis).</summary>
        public int UnhealthyRoundsBeforeAction { get; set; } = 4;

        /// <summary>
        /// Consecutive rounds with the API unreachable before the power is cut. Longer than
        /// <see cref="UnhealthyRoundsBeforeAction"/>: a router installing an upgrade is silent for
        /// minutes, and cutting its power then is the worst thing to do.
        /// </summary>
        public int UnreachableRoundsBeforePowerCycle { get; set; } = 10;

        /// <summary>
        /// T: after an API reboot, the time within which the API must be back with a reset uptime.
        /// An API that answers by then without a reset uptime means the reboot did not happen.
        /// </summary>
        public int RebootVerifyTimeoutMilliseconds { get; set; } = 300000;

        /// <summary>
        /// T2: after an API reboot, if the API has not answered for this long, the router's power is
        /// cycled through the relay. Must not be shorter than <see cref="RebootVerifyTimeoutMilliseconds"/>.
        /// </summary>
        public int PowerCycleAfterMilliseconds { get; set; } = 600000;

        /// <summary>After a power-cycle, the time within which the API must be back.</summary>
        public int PowerCycleVerifyTimeoutMilliseconds { get; set; } = 600000;

        /// <summary>How long the relay keeps the router's power off during a power-cycle.</summary>
        public int RelayOffMilliseconds { get; set; } = 10000;

        /// <summary>Which pin level energises the relays' coils. Must be set when a relay is wired.</summary>
        public RelayPolarity RelayPolarity { get; set; }

        /// <summary>Which contact the routers' supplies go through (NC recommended). Must be set when a relay is wired.</summary>
        public RelayContact RelayContact { get; set; }

        /// <summary>K: at most this many actions (API reboots and power-cycles) per <see cref="ActionWindowMilliseconds"/>.</summary>
        public int MaxActionsPerWindow { get; set; } = 3;

        /// <summary>The sliding window of <see cref="MaxActionsPerWindow"/>.</summary>
        public int ActionWindowMilliseconds { get; set; } = 21600000;

        /// <summary>Minimum time after the first action before another; doubles with each further action.</summary>
        public int BackoffBaseMilliseconds { get; set; } = 900000;

        /// <summary>Upper bound of the growing back-off.</summary>
        public int BackoffMaxMilliseconds { get; set; } = 7200000;

        /// <summary>
        /// No action in this long after the board starts: the router and the board's network settle
        /// first. It is not what limits a board that keeps restarting (e.g. a brown-out when the
        /// relay switches): the action history kept on flash does (see <c>IActionHistoryStore</c>).
        /// </summary>
        public int StartupGraceMilliseconds { get; set; } = 600000;

        /// <summary>Continuous health that resets the back-off to its base.</summary>
        public int HealthyResetMilliseconds { get; set; } = 3600000;

        /// <summary>While given up, how often the watchdog repeats that it needs a human.</summary>
        public int GivenUpReminderMilliseconds { get; set; } = 3600000;

        /// <summary>
        /// Consecutive rounds in which the router answered but could not be used (login or
        /// certificate refused, API service down, the board's own errors) before it is reported
        /// <c>Blind</c>: its own LED pattern and condition, reminded every
        /// <see cref="GivenUpReminderMilliseconds"/>.
        /// </summary>
        public int BlindRoundsBeforeReport { get; set; } = 10;

        /// <summary>Maintenance hold used when none is given.</summary>
        public int MaintenanceDefaultMilliseconds { get; set; } = 3600000;

        /// <summary>The longest maintenance hold accepted; longer requests are cut to it.</summary>
        public int MaintenanceMaxMilliseconds { get; set; } = 14400000;

        /// <summary>The board's own watchdog: the main loop must report at least this often or the board reboots.</summary>
        public int BoardWatchdogTimeoutMilliseconds { get; set; } = 180000;

        /// <summary>GPIO pin of the status LED, or -1 for none.</summary>
        public int LedGpioPin { get; set; } = 2;

        /// <summary>
        /// GPIO pin of a push button (to ground), or -1 for none. A plain GPIO with a pull-up (never
        /// a strapping pin such as GPIO 0, the DevKits' BOOT button: held during a reset it stops the
        /// board in download mode). Held for <see cref="AcknowledgeHoldMilliseconds"/> and released:
        /// acknowledges given-up routers; held for <see cref="MaintenancePressMilliseconds"/> and
        /// released: starts (or ends) a maintenance hold on every router.
        /// </summary>
        public int AcknowledgeButtonGpioPin { get; set; } = 4;

        /// <summary>The shortest press that acknowledges (shorter presses and bounces are ignored).</summary>
        public int AcknowledgeHoldMilliseconds { get; set; } = 1000;

        /// <summary>The shortest press that starts or ends a maintenance hold.</summary>
        public int MaintenancePressMilliseconds { get; set; } = 5000;

        /// <summary>A press longer than this is a stuck or shorted button: ignored until released.</summary>
        public int ButtonStuckMilliseconds { get; set; } = 20000;

        /// <summary>
        /// Name of a RouterOS script whose presence on the router starts a maintenance hold (its
        /// comment may give the minutes, e.g. <c>60</c>); removing it ends the hold. Add it before
        /// an upgrade: <c>/system script add name=watchdog-hold comment=60</c>. Empty: not checked.
        /// </summary>
        public string MaintenanceFlagScriptName { get; set; } = "watchdog-hold";

        /// <summary>
        /// Accepts an action history in RAM only: without a working store on the board's flash a
        /// reset forgets the actions, GivenUp and holds (a brown-out at every relay switch could
        /// then power-cycle a router once per startup grace, all day). Relays are refused without a
        /// working store unless this is set.
        /// </summary>
        public bool AcceptVolatileHistory { get; set; }

        /// <summary>
        /// How often the board's lifetime (its accumulated uptime, the clock the kept actions are
        /// measured on) is written to the store when nothing else changed. Uptime since the last
        /// write is lost at a reset (kept actions then look more recent: the safe side); each write
        /// costs flash wear (the default is 144 writes a day).
        /// </summary>
        public int HistoryCheckpointMilliseconds { get; set; } = 600000;

        /// <summary>The board: chip, external watchdog, SNTP (see <see cref="BoardConfig"/>).</summary>
        public BoardConfig Board { get; set; } = new BoardConfig();

        /// <summary>Status endpoint, syslog and router-log trace settings (see <see cref="MonitoringConfig"/>).</summary>
        public MonitoringConfig Monitoring { get; set; } = new MonitoringConfig();

        /// <summary>
        /// Checks the configuration and returns the first problem found, or null when the watchdog
        /// may run. Placeholders (<see cref="Placeholder"/>) and missing secrets are refused.
        /// </summary>
        /// <returns>A short description of the first problem, or null.</returns>
        public string Validate()
        {
            if (IsMissing(WifiSsid))
            {
                return "Wi-Fi SSID not set";
            }

            if (IsMissing(WifiPassword))
            {
                return "Wi-Fi password not set";
            }

            if (Routers == null || Routers.Length == 0)
            {
                return "no router configured";
            }

            for (int i = 0; i < Routers.Length; i++)
            {
                string problem = ValidateRouter(Routers[i]);
                if (problem != null)
                {
                    string name = Routers[i] == null || Routers[i].Name == null ? "#" + i.ToString() : Routers[i].Name;
                    return "router " + name + ": " + problem;
                }
            }

            if (ProbeIntervalMilliseconds < 1000)
            {
                return "probe interval below 1 s";
            }

            if (ProbeTimeoutMilliseconds < 1000)
            {
                return "probe timeout below 1 s";
            }

            string checks = CheckList(Checks);
            if (checks != null)
            {
                return "default checks: " + checks;
            }

            if (UnhealthyRoundsBeforeAction < 2)
            {
                // One bad round must never be enough: probes fail now and then on any network.
                return "unhealthy rounds before action must be at least 2";
            }

            if (UnreachableRoundsBeforePowerCycle < UnhealthyRoundsBeforeAction)
            {
                return "unreachable rounds before power-cycle below unhealthy rounds before action";
            }

            if (RebootVerifyTimeoutMilliseconds < ProbeIntervalMilliseconds
                || PowerCycleAfterMilliseconds < RebootVerifyTimeoutMilliseconds
                || PowerCycleVerifyTimeoutMilliseconds < ProbeIntervalMilliseconds)
            {
                return "verification timeouts out of order";
            }

            if (RelayOffMilliseconds < 1000 || RelayOffMilliseconds >= BoardWatchdogTimeoutMilliseconds)
            {
                return "relay off time out of range";
            }

            if (MaxActionsPerWindow < 1 || ActionWindowMilliseconds < 1)
            {
                return "rate limit out of range";
            }

            if (StartupGraceMilliseconds < 0)
            {
                return "startup grace out of range";
            }

            if (BackoffBaseMilliseconds < 1 || BackoffMaxMilliseconds < BackoffBaseMilliseconds)
            {
                return "back-off out of range";
            }

            if (BlindRoundsBeforeReport < 1 || BlindRoundsBeforeReport > 10000)
            {
                return "BlindRoundsBeforeReport out of range (1-10000)";
            }

            if (HealthyResetMilliseconds < 1 || GivenUpReminderMilliseconds < 1)
            {
                return "reset or reminder interval out of range";
            }

            if (MaintenanceDefaultMilliseconds < 1 || MaintenanceMaxMilliseconds < MaintenanceDefaultMilliseconds)
            {
                return "maintenance hold out of range";
            }

            if (Board == null)
            {
                return "board settings missing";
            }

            string pins = BoardPins.Check(this);
            if (pins != null)
            {
                return pins;
            }

            if (AcknowledgeHoldMilliseconds < 200 || MaintenancePressMilliseconds <= AcknowledgeHoldMilliseconds
                || ButtonStuckMilliseconds <= MaintenancePressMilliseconds)
            {
                return "button hold times out of order";
            }

            if (BoardWatchdogTimeoutMilliseconds < 2 * ProbeTimeoutMilliseconds)
            {
                return "board watchdog timeout shorter than two probe timeouts";
            }

            if (ProbeRoundMilliseconds < ProbeTimeoutMilliseconds
                || (long)BoardWatchdogTimeoutMilliseconds < (long)ProbeRoundMilliseconds + 2L * ProbeTimeoutMilliseconds)
            {
                // A round may overrun its deadline by one command, and an action follows it.
                return "probe round deadline out of range (at least one probe timeout; board watchdog above it plus two)";
            }

            string history = ValidateHistory();
            if (history != null)
            {
                return history;
            }

            string board = Board.Validate(Routers);
            if (board != null)
            {
                return board;
            }

            return Monitoring == null ? "monitoring settings missing" : Monitoring.Validate();
        }

        // The kept judgement is found by router name (cut to 32 characters): two routers with one
        // name would share one history.
        private string ValidateHistory()
        {
            if (HistoryCheckpointMilliseconds < 60000 || HistoryCheckpointMilliseconds > 3600000)
            {
                return "history checkpoint out of range (1-60 min)";
            }

            for (int i = 0; i < Routers.Length; i++)
            {
                for (int k = 0; k < i; k++)
                {
                    if (SameKey(Routers[i].Name, Routers[k].Name))
                    {
                        return "two routers named " + Routers[i].Name + " (names are the keys of the action history; the first 32 characters must differ)";
                    }
                }
            }

            return null;
        }

        private static bool SameKey(string a, string b)
        {
            int n = a.Length > 32 ? 32 : a.Length;
            if (n != (b.Length > 32 ? 32 : b.Length))
            {
                return false;
            }

            for (int c = 0; c < n; c++)
            {
                if (a[c] != b[c])
                {
                    return false;
                }
            }

            return true;
        }

        private string ValidateRouter(RouterConfig router)
        {
            if (router == null)
            {
                return "missing";
            }

            if (router.Name == null || router.Name.Length == 0)
            {
                return "name not set";
            }

            if (IsMissing(router.Host))
            {
                return "host not set";
            }

            if (router.Port < 1 || router.Port > 65535)
            {
                return "port out of range";
            }

            if (router.LivenessPort < 0 || router.LivenessPort > 65535 || router.LivenessPort == router.Port)
            {
                return "LivenessPort must be another port of the router (8291 Winbox, 22 SSH, 80...), or 0 for none";
            }

            if (router.LivenessPort == 0 && router.RelayGpioPin >= 0)
            {
                return "a relay needs a LivenessPort: the router's power is cut only when that port is silent too";
            }

            if (IsMissing(router.User))
            {
                return "user not set";
            }

            if (IsMissing(router.Password))
            {
                return "password not set";
            }

            if (!router.UseTls && !router.AllowPlaintext)
            {
                return "plain API sends the password in clear: use TLS or set AllowPlaintext";
            }

            if (router.CaCertificatePem != null && router.CaCertificatePem.IndexOf(Placeholder) >= 0)
            {
                return "CA certificate is a placeholder";
            }

            if (router.UseTls && !router.AllowInsecureTls)
            {
                if (router.CaCertificatePem == null || router.CaCertificatePem.IndexOf(PemCertificate.Begin) < 0)
                {
                    return "TLS needs a CA certificate (PEM) or an explicit AllowInsecureTls";
                }

                string pem = PemCertificate.Check(router.CaCertificatePem);
                if (pem != null)
                {
                    return pem;
                }
            }

            return CheckList(router.Checks);
        }

        /// <summary>
        /// The checks one router runs, as new instances of its own: every default of
        /// <see cref="Checks"/> (a copy), except where the router has a check of the same name, which
        /// takes its place; then the router's other checks. Call once per router, when the
        /// watchdog is put together.
        /// </summary>
        /// <param name="router">One of <see cref="Routers"/>.</param>
        /// <returns>The router's checks.</returns>
        public IHealthCheck[] ChecksFor(RouterConfig router)
        {
            IHealthCheck[] defaults = Checks == null ? new IHealthCheck[0] : Checks;
            IHealthCheck[] own = router.Checks == null ? new IHealthCheck[0] : router.Checks;
            int extra = 0;
            for (int i = 0; i < own.Length; i++)
            {
                extra += Find(defaults, own[i].Name) < 0 ? 1 : 0;
            }

            IHealthCheck[] result = new IHealthCheck[defaults.Length + extra];
            for (int i = 0; i < defaults.Length; i++)
            {
                int mine = Find(own, defaults[i].Name);
                result[i] = mine >= 0 ? own[mine] : defaults[i].Copy();
            }

            int next = defaults.Length;
            for (int i = 0; i < own.Length; i++)
            {
                if (Find(defaults, own[i].Name) < 0)
                {
                    result[next++] = own[i];
                }
            }

            return result;
        }

        // Each check valid, names unique in the list, and no check object registered for two
        // routers (its state, a streak, would be shared).
        private string CheckList(IHealthCheck[] checks)
        {
            if (checks == null)
            {
                return "check list missing (use an empty array)";
            }

            for (int i = 0; i < checks.Length; i++)
            {
                if (checks[i] == null)
                {
                    return "check #" + i.ToString() + " missing";
                }

                string problem = HealthCheckNames.CheckName(checks[i].Name);
                if (problem == null)
                {
                    problem = checks[i].Validate();
                }

                if (problem != null)
                {
                    return "check " + checks[i].Name + ": " + problem;
                }

                if (Find(checks, checks[i].Name) != i)
                {
                    return "check " + checks[i].Name + " registered twice";
                }

                for (int r = 0; Routers != null && r < Routers.Length; r++)
                {
                    IHealthCheck[] other = Routers[r] == null ? null : Routers[r].Checks;
                    if (other != null && other != checks && IndexOf(other, checks[i]) >= 0)
                    {
                        return "check " + checks[i].Name + " registered for two routers: give each its own";
                    }
                }
            }

            return null;
        }

        private static int Find(IHealthCheck[] checks, string name)
        {
            for (int i = 0; i < checks.Length; i++)
            {
                if (checks[i] != null && checks[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int IndexOf(IHealthCheck[] checks, IHealthCheck check)
        {
            for (int i = 0; i < checks.Length; i++)
            {
                if (object.ReferenceEquals(checks[i], check))
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsMissing(string value)
        {
            return value == null || value.Length == 0 || value.IndexOf(Placeholder) >= 0;
        }
    }
}
