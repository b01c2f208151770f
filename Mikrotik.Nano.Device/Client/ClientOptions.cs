namespace Mikrotik.Nano
{
    /// <summary>Buffer sizes and timing of an <see cref="ApiClient"/>.</summary>
    public sealed class ClientOptions
    {
        /// <summary>Buffer sizes of the protocol core (allocated once, reused across reconnects).</summary>
        public ConnectionOptions Connection = new ConnectionOptions();

        /// <summary>How long <see cref="ApiClient.Connect"/> waits for the login to complete.</summary>
        public int LoginTimeoutMilliseconds = 10000;

        /// <summary>How long one read of the transport waits before the pump checks its timers again.</summary>
        public int ReadSliceMilliseconds = 100;

        /// <summary>
        /// After this long without a byte from the router, the core sends a keepalive probe
        /// (<c>/system/identity/print</c>, on its own tag: it goes out even when every slot is busy).
        /// 0 turns keepalive off. The same setting as <see cref="ConnectionOptions.KeepaliveIdleMilliseconds"/> of <see cref="Connection"/>.
        /// </summary>
        public int KeepaliveIdleMilliseconds
        {
            get { return Connection.KeepaliveIdleMilliseconds; }
            set { Connection.KeepaliveIdleMilliseconds = value; }
        }

        /// <summary>
        /// How long the probe may go without a byte in return before the connection is declared dead
        /// (<see cref="ErrorCode.KeepaliveTimeout"/>). The same setting as <see cref="ConnectionOptions.KeepaliveTimeoutMilliseconds"/>.
        /// </summary>
        public int KeepaliveTimeoutMilliseconds
        {
            get { return Connection.KeepaliveTimeoutMilliseconds; }
            set { Connection.KeepaliveTimeoutMilliseconds = value; }
        }

        /// <summary>The time source for every timeout; <see cref="SystemClock"/> when null.</summary>
        public IClock Clock;
    }
}
