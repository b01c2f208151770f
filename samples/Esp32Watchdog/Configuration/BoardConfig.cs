namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// What the firmware must know about the board itself: its chip (for the pin tables), the
    /// external hardware watchdog that TLS installs need, and where the board gets the date from.
    /// </summary>
    public sealed class BoardConfig
    {
        /// <summary>The board's chip; decides which pins exist and which are reserved (see <see cref="ChipPins"/>).</summary>
        public EspChip Chip { get; set; } = EspChip.Esp32;

        /// <summary>
        /// Normally-open wiring unpowers the router at every board reset, reflash or crash; it is
        /// refused unless this says that is accepted.
        /// </summary>
        public bool AcceptNormallyOpenContact { get; set; }

        /// <summary>
        /// GPIO pin toggled for an external watchdog supervisor (its WDI input), or -1 for none. It
        /// toggles only while the main loop is alive; when the runtime stalls in native code (a TLS
        /// handshake or record that never completes) it stops and the supervisor resets the board.
        /// Required when any router uses TLS (see the README's wiring section).
        /// </summary>
        public int ExternalWatchdogGpioPin { get; set; } = -1;

        /// <summary>Time between two toggles of <see cref="ExternalWatchdogGpioPin"/>; well below the supervisor's timeout.</summary>
        public int ExternalWatchdogToggleMilliseconds { get; set; } = 500;

        /// <summary>
        /// TLS without an external watchdog: a silent API-SSL peer can freeze the board until the
        /// peer closes (nanoFramework's TLS waits are native and unbounded). Refused unless accepted here.
        /// </summary>
        public bool AcceptTlsWithoutExternalWatchdog { get; set; }

        /// <summary>First SNTP server (needed for certificate dates). The router itself can be one: <c>/system ntp server set enabled=yes</c>.</summary>
        public string SntpServer1 { get; set; } = "pool.ntp.org";

        /// <summary>Second SNTP server, or null.</summary>
        public string SntpServer2 { get; set; } = "time.google.com";

        /// <summary>
        /// Checks the board settings against the routers: a TLS router needs the external watchdog
        /// (or the explicit acceptance) and the plain port is never spoken to with TLS.
        /// </summary>
        /// <param name="routers">The configured routers (already checked one by one).</param>
        /// <returns>Null when acceptable, else a short reason.</returns>
        public string Validate(RouterConfig[] routers)
        {
            if (ExternalWatchdogToggleMilliseconds < 100 || ExternalWatchdogToggleMilliseconds > 30000)
            {
                return "external watchdog toggle interval out of range (100-30000 ms)";
            }

            if (SntpServer1 == null || SntpServer1.Length == 0)
            {
                return "SNTP server not set (certificate dates need the real date)";
            }

            for (int i = 0; i < routers.Length; i++)
            {
                if (!routers[i].UseTls)
                {
                    continue;
                }

                if (routers[i].Port == RouterConfig.ApiPort)
                {
                    // The plain API waits for a sentence: a TLS hello there hangs the native handshake.
                    return "router " + routers[i].Name + ": TLS on port 8728 (the plain API); API-SSL is 8729";
                }

                if (ExternalWatchdogGpioPin < 0 && !AcceptTlsWithoutExternalWatchdog)
                {
                    return "router " + routers[i].Name + ": TLS needs an external watchdog (Board.ExternalWatchdogGpioPin; see the README) or Board.AcceptTlsWithoutExternalWatchdog";
                }
            }

            return null;
        }
    }
}
