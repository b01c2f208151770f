namespace Mikrotik.Nano
{
    /// <summary>
    /// Timing of an <see cref="ApiClient"/>, and the protocol core's options in <see cref="Connection"/>.
    /// Each setting has one place: buffer sizes and keepalive are set on <see cref="Connection"/>
    /// only (e.g. <c>options.Connection.KeepaliveIdleMilliseconds = 0</c>), so assigning a new
    /// <see cref="ConnectionOptions"/> replaces them visibly, never behind an alias.
    /// </summary>
    public sealed class ClientOptions
    {
        /// <summary>Buffer sizes, keepalive and text decoding of the protocol core (buffers allocated once, reused across reconnects).</summary>
        public ConnectionOptions Connection = new ConnectionOptions();

        /// <summary>How long <see cref="ApiClient.Connect"/> waits for the login to complete.</summary>
        public int LoginTimeoutMilliseconds = 10000;

        /// <summary>How long one read of the transport waits before the pump checks its timers again.</summary>
        public int ReadSliceMilliseconds = 100;

        /// <summary>The time source for every timeout; <see cref="SystemClock"/> when null.</summary>
        public IClock Clock;
    }
}
