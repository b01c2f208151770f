namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// How the site sees the watchdog: the status endpoint (<c>GET /status</c>, <c>GET /metrics</c>),
    /// decisions sent to a syslog collector, and the line written to a router's own log before
    /// the watchdog reboots it. Part of <see cref="WatchdogConfig"/> (<see cref="WatchdogConfig.Monitoring"/>).
    /// </summary>
    public sealed class MonitoringConfig
    {
        /// <summary>The standard syslog port (UDP).</summary>
        public const int DefaultSyslogPort = 514;

        /// <summary>
        /// TCP port of the board's plain-HTTP status endpoint; 0 turns it off. It shows router
        /// names, states and decisions (no addresses, users or passwords) to anyone who can reach
        /// the board.
        /// </summary>
        public int StatusHttpPort { get; set; } = 80;

        /// <summary>
        /// IPv4 address (dotted, e.g. "192.0.2.10") of a syslog collector that receives every
        /// decision (RFC 5424 over UDP); null or empty turns it off. An address, not a name: the
        /// board resolves nothing on its watch loop.
        /// </summary>
        public string SyslogCollector { get; set; }

        /// <summary>UDP port of the syslog collector.</summary>
        public int SyslogPort { get; set; } = DefaultSyslogPort;

        /// <summary>
        /// The board's name in syslog messages (HOSTNAME) and in the lines written to routers'
        /// logs: 1 to 48 printable ASCII characters, no spaces.
        /// </summary>
        public string BoardName { get; set; } = "esp32-watchdog";

        /// <summary>
        /// Before an API reboot, write one line with the reason to the router's own log
        /// (<c>/log/warning</c>), so whoever reads that log afterwards sees why. A router that
        /// refuses it (or does not answer within a few seconds) is rebooted all the same.
        /// </summary>
        public bool TraceRebootsInRouterLog { get; set; } = true;

        /// <summary>Checks the settings.</summary>
        /// <returns>A short description of the first problem, or null.</returns>
        public string Validate()
        {
            if (StatusHttpPort < 0 || StatusHttpPort > 65535)
            {
                return "status HTTP port out of range (0 = off)";
            }

            if (SyslogCollector != null && SyslogCollector.Length > 0)
            {
                byte[] address = new byte[4];
                if (!Ipv4Text.TryParse(SyslogCollector, address))
                {
                    return "syslog collector must be an IPv4 address";
                }

                if (SyslogPort < 1 || SyslogPort > 65535)
                {
                    return "syslog port out of range";
                }
            }

            if (BoardName == null || BoardName.Length == 0 || BoardName.Length > 48)
            {
                return "board name must be 1 to 48 characters";
            }

            for (int i = 0; i < BoardName.Length; i++)
            {
                if (BoardName[i] <= ' ' || BoardName[i] > '~')
                {
                    return "board name must be printable ASCII without spaces";
                }
            }

            return null;
        }
    }
}
