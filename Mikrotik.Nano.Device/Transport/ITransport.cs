namespace Mikrotik.Nano
{
    /// <summary>
    /// The only thing a platform must provide: a byte stream to the router (TCP, TLS, or an
    /// in-memory pipe in tests). Mirrors the Read + Write bound of mikrotik-rs's Embassy adapter.
    /// </summary>
    /// <remarks>
    /// <see cref="Read"/> is called by one thread at a time (the pump); <see cref="Write"/> and
    /// <see cref="Flush"/> by one thread at a time, possibly another; <see cref="Close"/> from any
    /// thread, and it must make a blocked <see cref="Read"/> return. Failures are thrown as any
    /// exception; the client turns them into <see cref="ErrorCode.TransportError"/>. A transport's
    /// connect method throws <see cref="MikrotikException"/> classified by <see cref="TransportErrors"/>
    /// (<see cref="ErrorCode.TlsError"/> only for a TLS authentication failure).
    /// </remarks>
    public interface ITransport
    {
        /// <summary>Reads up to <paramref name="count"/> bytes, waiting at most <paramref name="timeoutMilliseconds"/>.</summary>
        /// <param name="buffer">The destination (the connection's receive buffer).</param>
        /// <param name="offset">Where to write.</param>
        /// <param name="count">The room available (at least 1).</param>
        /// <param name="timeoutMilliseconds">How long to wait for the first byte.</param>
        /// <returns>The bytes read (1 or more); 0 when the peer closed the stream; a negative value when nothing arrived in time.</returns>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">Where the bytes start.</param>
        /// <param name="count">How many.</param>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Pushes written bytes out (a TLS record, a TCP segment).</summary>
        void Flush();

        /// <summary>Closes the stream; a blocked <see cref="Read"/> returns. Safe to call twice.</summary>
        void Close();
    }
}
