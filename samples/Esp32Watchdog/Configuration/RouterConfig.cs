using Esp32Watchdog.Health;

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

        /// <summary>Winbox, the default <see cref="LivenessPort"/>: enabled on every RouterOS by default.</summary>
        public const int WinboxPort = 8291;

        /// <summary>
        /// A second TCP port of the router (Winbox 8291, SSH 22, HTTP 80...) that the board tries
        /// when the API does not answer: any answer (SYN-ACK or RST) proves the router runs, so the
        /// round is "API service down", never counted towards a power cut. Only silence there too
        /// counts. Must differ from <see cref="Port"/>; 0 turns the check off, which a router with a
        /// relay is refused (a power cut needs the evidence).
        /// </summary>
        public int LivenessPort { get; set; } = WinboxPort;

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

        /// <summary>
        /// This router's own health checks: one with the name of a default check
        /// (<see cref="WatchdogConfig.Checks"/>) replaces it for this router, e.g. a
        /// <c>FreeMemoryFloorCheck</c> with another floor; the others are added, e.g. a
        /// <c>RequiredInterfacesCheck</c> for its uplink or a <c>PingLossCheck</c> with its targets.
        /// Each router needs its own check objects (they keep per-router state).
        /// </summary>
        public IHealthCheck[] Checks { get; set; } = new IHealthCheck[0];

        /// <summary>
        /// GPIO pin of the relay that cuts this router's power, or -1 when there is none (then a
        /// router whose API is dead cannot be helped and the watchdog gives up instead). One relay
        /// per router, on a pin of its own: not the LED, the button, an ESP32 strapping pin
        /// (0, 2, 5, 12, 15), a flash pin (6-11) or an input-only pin (34-39).
        /// </summary>
        public int RelayGpioPin { get; set; } = -1;
    }
}
