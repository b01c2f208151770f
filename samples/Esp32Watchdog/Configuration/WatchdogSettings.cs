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
            router.WatchedInterfaces = new string[] { "ether1" };
            router.PingTargets = new string[] { "CHANGE-ME" }; // e.g. your ISP's gateway
            router.PingCount = 3;
            router.RelayGpioPin = 26;              // -1 when no relay is wired; never a strapping pin (0, 2, 5, 12, 15)

            WatchdogConfig config = new WatchdogConfig();
            config.WifiSsid = "CHANGE-ME";
            config.WifiPassword = "CHANGE-ME";
            config.Routers = new RouterConfig[] { router };
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
