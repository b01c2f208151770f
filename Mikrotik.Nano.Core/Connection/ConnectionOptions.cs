namespace Mikrotik.Nano
{
    /// <summary>
    /// Sizes every buffer of a connection. All of them are allocated once, when the
    /// <see cref="ApiConnection"/> is constructed; nothing grows afterwards.
    /// </summary>
    /// <remarks>
    /// The defaults take about 6 KB of managed heap (see the README's memory table): a 4096-byte
    /// receive buffer, a 1024-byte transmit buffer, a 512-byte command buffer, a 64-word table and 8 tag slots.
    /// Keepalive: a probe after 30 s of silence, dead 10 s later.
    /// </remarks>
    public sealed class ConnectionOptions
    {
        /// <summary>
        /// Bytes of the receive buffer. A sentence is decoded in place here, so this bounds the
        /// largest reply delivered whole; a larger word is skipped and the reply flagged truncated.
        /// </summary>
        public int ReceiveBufferSize = 4096;

        /// <summary>Bytes of the transmit buffer: the largest command that can be sent.</summary>
        public int TransmitBufferSize = 1024;

        /// <summary>Bytes of the connection's own command staging buffer (<see cref="ApiConnection.NewCommand"/>).</summary>
        public int CommandBufferSize = 512;

        /// <summary>Words one reply may hold; further words are dropped and the reply flagged truncated.</summary>
        public int MaxWordsPerSentence = 64;

        /// <summary>Commands that may run at once. Login, cancels and keepalive use the connection's own tags, not these slots.</summary>
        public int TagSlots = 8;

        /// <summary>The longest password, in UTF-8 bytes, the legacy login can hash.</summary>
        public int MaxPasswordBytes = 64;

        /// <summary>
        /// After this long without a byte from the router, the connection sends a keepalive probe
        /// (<c>/system/identity/print</c>, on its own tag). 0 turns keepalive off. Time is whatever
        /// the caller passes to <see cref="ApiConnection.HandleTimeout"/>, in milliseconds.
        /// </summary>
        public int KeepaliveIdleMilliseconds = 30000;

        /// <summary>How long the probe may go without a byte in return before the connection is declared dead.</summary>
        public int KeepaliveTimeoutMilliseconds = 10000;

        /// <summary>Turns reply bytes into strings when asked; UTF-8 with a byte-for-byte fallback by default.</summary>
        public ITextDecoder TextDecoder = new Utf8TextDecoder();

        /// <summary>Throws <see cref="MikrotikException"/> with <see cref="ErrorCode.InvalidConfiguration"/> if a value is out of range.</summary>
        public void Validate()
        {
            if (ReceiveBufferSize < 64 || TransmitBufferSize < 64 || CommandBufferSize < 16 || MaxWordsPerSentence < 2 || TagSlots < 1
                || TagSlots > 256 || MaxPasswordBytes < 0 || TextDecoder == null || KeepaliveIdleMilliseconds < 0
                || KeepaliveTimeoutMilliseconds < 1)
            {
                throw new MikrotikException(ErrorCode.InvalidConfiguration, "options out of range");
            }
        }
    }
}
