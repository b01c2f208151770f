using Esp32Watchdog.Health;

namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// The settings you edit before flashing. Every "CHANGE-ME" must be replaced: the firmware
    /// refuses to start while one is left (see <see cref="WatchdogConfig.Validate"/>).
    /// </summary>
    /// <remarks>
    /// Never commit real passwords: keep your edited copy out of version control
    /// (e.g. <c>git update-index --skip-worktree</c> on this file).
    /// </remarks>
    public static class WatchdogSettings
    {
        /// <summary>Builds the configuration the firmware runs with.</summary>
        /// <returns>A new configuration; validate it before use.</returns>
        public static WatchdogConfig Create()
        {
            RouterConfig router = new RouterConfig();
            router.Name = "main";
            router.Host = "CHANGE-ME";            // e.g. "192.168.88.1"
            router.Port = RouterConfig.ApiSslPort;
            router.UseTls = true;
            router.CaCertificatePem = "CHANGE-ME"; // "-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----"
            router.AllowInsecureTls = false;
            router.AllowPlaintext = false;          // plain API (UseTls = false) sends the password in clear
            router.User = "CHANGE-ME";             // a user in a group with read, test and reboot policies only
            router.Password = "CHANGE-ME";
            // The router's own health checks (on top of the defaults in config.Checks below; one
            // with a default's name replaces it for this router). Each router needs its own objects.
            router.Checks = new IHealthCheck[]
            {
                new RequiredInterfacesCheck { Interfaces = new object[] { "ether1" } },
                new PingLossCheck { Targets = new object[] { "CHANGE-ME" }, Count = 3 }, // e.g. your ISP's gateway
                // An uplink that must be running; a hung LTE modem or PPPoE session is what a
                // reboot fixes. ReportOnly = true shows it without ever acting on it.
                // new RequiredInterfacesCheck { Name = "uplink", Interfaces = new object[] { "lte1" }, ReportOnly = false },
                // A floor of its own for this router, replacing the default free-memory check:
                // new FreeMemoryFloorCheck { MinFreeBytes = 16L * 1024 * 1024 },
            };
            router.RelayGpioPin = 26;              // -1 when no relay is wired; never a strapping pin (0, 2, 5, 12, 15)

            WatchdogConfig config = new WatchdogConfig();
            config.WifiSsid = "CHANGE-ME";
            config.WifiPassword = "CHANGE-ME";
            config.Routers = new RouterConfig[] { router };

            // The checks every router runs, with their default thresholds (see each check's class).
            config.Checks = new IHealthCheck[]
            {
                new CpuLoadCheck { ThresholdPercent = 98, ConsecutiveSamples = 10 },
                new FreeMemoryFloorCheck { MinFreePercent = 3 },
            };
            config.LedGpioPin = 2;

            // Refused until set: look at your relay module (many cheap ones are active-low) and
            // wire the router's supply through the normally-closed contact. Test the wiring with
            // the router unplugged (a lamp or a multimeter on the contact) before trusting it.
            config.RelayPolarity = RelayPolarity.NotSet;      // ActiveHigh or ActiveLow
            config.RelayContact = RelayContact.NotSet;        // NormallyClosed (recommended) or NormallyOpen

            // The board: its chip decides which pins are allowed (ChipPins). TLS needs an external
            // watchdog supervisor on a plain GPIO (README, Wiring), e.g. GPIO 32 on an ESP32.
            config.Board.Chip = EspChip.Esp32;                // Esp32S3 or Esp32C3 for those chips
            config.Board.ExternalWatchdogGpioPin = -1;        // refused with TLS until wired and set
            config.Board.SntpServer1 = "pool.ntp.org";        // or the router: /system ntp server set enabled=yes
            config.AcknowledgeButtonGpioPin = 4;              // a plain GPIO (GPIO 0, BOOT, is a strapping pin)

            // The remaining values keep their conservative defaults (see WatchdogConfig); shown
            // here so that they are easy to find.
            config.ProbeIntervalMilliseconds = 30000;
            config.UnhealthyRoundsBeforeAction = 4;
            config.MaxActionsPerWindow = 3;

            // What the site's monitoring sees (see MonitoringConfig and the README).
            config.Monitoring.StatusHttpPort = 80;          // GET /status and /metrics; 0 = off
            config.Monitoring.SyslogCollector = null;       // e.g. "192.168.88.10" (UDP 514)
            config.Monitoring.BoardName = "esp32-watchdog"; // syslog HOSTNAME and router-log prefix
            return config;
        }
    }
}
