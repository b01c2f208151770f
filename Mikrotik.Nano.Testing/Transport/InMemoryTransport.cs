namespace Mikrotik.Nano
{
    /// <summary>
    /// An in-memory <see cref="ITransport"/>: two of them, made by <see cref="CreatePair"/>, are
    /// the two ends of a stream, as a socket pair would be. For tests (ours and yours): run the
    /// client on one end and a scripted router on the other.
    /// </summary>
    public sealed class InMemoryTransport : ITransport
    {
        private readonly InMemoryPipe _incoming;
        private readonly InMemoryPipe _outgoing;

        private InMemoryTransport(InMemoryPipe incoming, InMemoryPipe outgoing)
        {
            _incoming = incoming;
            _outgoing = outgoing;
        }

        /// <summary>Creates two connected ends, each direction buffering up to <paramref name="capacity"/> bytes.</summary>
        /// <param name="capacity">Bytes buffered per direction before a writer blocks.</param>
        /// <param name="client">One end.</param>
        /// <param name="router">The other end.</param>
        public static void CreatePair(int capacity, out InMemoryTransport client, out InMemoryTransport router)
        {
            InMemoryPipe up = new InMemoryPipe(capacity);
            InMemoryPipe down = new InMemoryPipe(capacity);
            client = new InMemoryTransport(down, up);
            router = new InMemoryTransport(up, down);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            return _incoming.Read(buffer, offset, count, timeoutMilliseconds);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _outgoing.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Flush()
        {
        }

        /// <summary>Closes both directions: the other end reads what is left, then 0.</summary>
        public void Close()
        {
            _incoming.Close();
            _outgoing.Close();
        }
    }
}
