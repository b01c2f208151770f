using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// One watched router: how to reach its API, what to check, and which relay (if any) cuts its
    /// power.
    /// </summary>
    public sealed class RouterConfig
    {
        /// <summary>Plain API port.</summary>
        public const int ApiPort = 8728;

        /// <summary>API-SSL port.</summary>
        public const int ApiSslPort = 8729;

        /// <summary>The kind of router used when none is named: RouterOS over its API.</summary>
        public const string RouterOsKind = "routeros";

        /// <summary>
        /// What kind of router this is: picks the probe and rebooter that speak to it (an
        /// <c>IRouterKind</c> of that name, see <c>Wiring/WatchdogAssembly</c>).
        /// </summary>
        public string Kind { get; set; } = RouterOsKind;

        /// <summary>A short name used in decisions and logs, e.g. "core".</summary>
        public string Name { get; set; } = "router";

        /// <summary>Host name or IPv4 address of the router's API service.</summary>
        public string Host { get; set; } = string.Empty;

        /// <summary>TCP port: <see cref="ApiPort"/> for plain API, <see cref="ApiSslPort"/> for API-SSL.</summary>
        public int Port { get; set; } = ApiSslPort;

        /// <summary>Whether to use API-SSL (TLS). Strongly recommended: the password crosses the network.</summary>
        public bool UseTls { get; set; } = true;

        /// <summary>
        /// Explicit opt-in to the plain API (<see cref="UseTls"/> false): the login sends the
        /// password in clear on every connect, and each plaintext connect is logged as a warning.
        /// The configuration check refuses plain API without it.
        /// </summary>
        public bool AllowPlaintext { get; set; }

        /// <summary>
        /// The PEM text of the certificate authority that signed the router's certificate (or the
        /// router's self-signed certificate). Required with TLS unless <see cref="AllowInsecureTls"/>.
        /// </summary>
        public string CaCertificatePem { get; set; }

        /// <summary>
        /// Explicit opt-in to TLS without verifying the router's certificate. Encrypts but does not
        /// authenticate; only for a lab.
        /// </summary>
        public bool AllowInsecureTls { get; set; }

        /// <summary>API user. Give it a group with only the read, test (ping) and reboot policies.</summary>
        public string User { get; set; } = string.Empty;

        /// <summary>API password.</summary>
        public string Password { get; set; } = string.Empty;

        /// <summary>Interface names that must be running, e.g. "ether1". Empty: the check is off.</summary>
        public string[] WatchedInterfaces { get; set; } = new string[0];

        /// <summary>Addresses the router pings from itself each round. Empty: the check is off.</summary>
        public string[] PingTargets { get; set; } = new string[0];

        /// <summary>Echo requests per target per round (<c>/ping =count=N</c>).</summary>
        public int PingCount { get; set; } = 3;

        /// <summary>
        /// GPIO pin of the relay that cuts this router's power, or -1 when there is none (then a
        /// router whose API is dead cannot be helped and the watchdog gives up instead). One relay
        /// per router, on a pin of its own: not the LED, the button, an ESP32 strapping pin
        /// (0, 2, 5, 12, 15), a flash pin (6-11) or an input-only pin (34-39).
        /// </summary>
        public int RelayGpioPin { get; set; } = -1;

        /// <summary>A sample sized for this router's watched interfaces and ping targets.</summary>
        /// <returns>A new sample, to be reused every round.</returns>
        public HealthSample CreateSample()
        {
            return new HealthSample(
                WatchedInterfaces == null ? 0 : WatchedInterfaces.Length,
                PingTargets == null ? 0 : PingTargets.Length);
        }
    }
}
