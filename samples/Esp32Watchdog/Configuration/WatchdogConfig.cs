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

        /// <summary>cpu-load (percent) at or above which a sample counts as "pegged". Above 100 disables the rule.</summary>
        public int CpuLoadThresholdPercent { get; set; } = 98;

        /// <summary>Consecutive pegged samples before high CPU becomes a finding (CPU spikes are normal).</summary>
        public int CpuLoadConsecutiveSamples { get; set; } = 10;

        /// <summary>Free memory below this percentage of total memory is a finding. 0 disables the rule.</summary>
        public int MinFreeMemoryPercent { get; set; } = 3;

        /// <summary>Packet loss (percent) to a ping target above which the target counts as lost.</summary>
        public int MaxPingLossPercent { get; set; } = 50;

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
        /// No action in this long after the board starts. Unless an action-history store keeps it
        /// (see <c>IActionHistoryStore</c>), the action history is lost when the board restarts;
        /// the grace keeps a board that keeps restarting (e.g. a brown-out when the relay
        /// switches) from rebooting a router at every start.
        /// </summary>
        public int StartupGraceMilliseconds { get; set; } = 600000;

        /// <summary>Continuous health that resets the back-off to its base.</summary>
        public int HealthyResetMilliseconds { get; set; } = 3600000;

        /// <summary>While given up, how often the watchdog repeats that it needs a human.</summary>
        public int GivenUpReminderMilliseconds { get; set; } = 3600000;

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

            if (CpuLoadThresholdPercent < 1 || CpuLoadConsecutiveSamples < 1)
            {
                return "cpu-load rule out of range";
            }

            if (MinFreeMemoryPercent < 0 || MinFreeMemoryPercent > 99)
            {
                return "free-memory rule out of range";
            }

            if (MaxPingLossPercent < 0 || MaxPingLossPercent > 99)
            {
                return "ping-loss rule out of range";
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

            string board = Board.Validate(Routers);
            if (board != null)
            {
                return board;
            }

            return Monitoring == null ? "monitoring settings missing" : Monitoring.Validate();
        }

        private static string ValidateRouter(RouterConfig router)
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

            if (router.WatchedInterfaces == null || router.PingTargets == null)
            {
                return "interface or ping lists missing (use empty arrays)";
            }

            for (int i = 0; i < router.WatchedInterfaces.Length; i++)
            {
                if (IsMissing(router.WatchedInterfaces[i]))
                {
                    return "interface name not set";
                }
            }

            for (int i = 0; i < router.PingTargets.Length; i++)
            {
                if (IsMissing(router.PingTargets[i]))
                {
                    return "ping target not set";
                }
            }

            if (router.PingTargets.Length > 0 && (router.PingCount < 1 || router.PingCount > 10))
            {
                return "ping count out of range (1-10)";
            }

            return null;
        }

        private static bool IsMissing(string value)
        {
            return value == null || value.Length == 0 || value.IndexOf(Placeholder) >= 0;
        }
    }
}
