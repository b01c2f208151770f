namespace Mikrotik.Nano
{
    /// <summary>Buffer sizes and timing of an <see cref="ApiClient"/>.</summary>
    public sealed class ClientOptions
    {
        /// <summary>Buffer sizes of the protocol core (allocated once, reused across reconnects).</summary>
        public ConnectionOptions Connection { get; set; } = new ConnectionOptions();

        /// <summary>How long <see cref="ApiClient.Connect"/> waits for the login to complete.</summary>
        public int LoginTimeoutMilliseconds { get; set; } = 10000;

        /// <summary>How long one read of the transport waits before the pump checks its timers again.</summary>
        public int ReadSliceMilliseconds { get; set; } = 100;

        /// <summary>
        /// After this long without a byte from the router, a keepalive command is sent
        /// (<c>/system/identity/print</c>). 0 turns keepalive off.
        /// </summary>
        public int KeepaliveIdleMilliseconds { get; set; } = 30000;

        /// <summary>How long the keepalive may go unanswered before the connection is declared dead.</summary>
        public int KeepaliveTimeoutMilliseconds { get; set; } = 10000;

        /// <summary>The time source for every timeout; <see cref="SystemClock"/> when null.</summary>
        public IClock Clock { get; set; }
    }
}
