using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// The client's end of one connection to a <see cref="ScriptedRouterOs"/>: an
    /// <see cref="InMemoryTransport"/> pair, served on the client's own thread. Before each read
    /// the router answers what it has received; a read that finds nothing lets the virtual clock
    /// run for the read's timeout, so waiting costs no real time.
    /// </summary>
    internal sealed class RouterLink : ITransport
    {
        private readonly ScriptedRouterOs _router;
        private readonly ManualClock _clock;
        private readonly InMemoryTransport _client;

        internal RouterLink(ScriptedRouterOs router, ManualClock clock, InMemoryTransport client, InMemoryTransport routerEnd)
        {
            _router = router;
            _clock = clock;
            _client = client;
            RouterEnd = routerEnd;
        }

        /// <summary>The router's end of the pair.</summary>
        internal InMemoryTransport RouterEnd { get; }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            _router.Serve(this);
            int n = _client.Read(buffer, offset, count, 0);
            if (n < 0 && timeoutMilliseconds > 0)
            {
                _clock.Advance(timeoutMilliseconds);
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _client.Write(buffer, offset, count);
        }

        public void Flush()
        {
        }

        public void Close()
        {
            _client.Close();
        }
    }
}
