using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Status.Report
{
    /// <summary>
    /// Free heap measured once per main-loop pass (<see cref="Sample"/>) and served from that
    /// reading: a status request never forces a garbage collection of its own, so a client polling
    /// /metrics cannot make the board collect on every request.
    /// </summary>
    public sealed class SampledFreeMemory : IFreeMemory
    {
        private readonly object _sync = new object();
        private readonly IFreeMemory _source;
        private long _freeBytes = -1;

        /// <summary>Wraps the measuring source (nanoFramework's GC.Run on the device).</summary>
        /// <param name="source">What measures; called only by <see cref="Sample"/>.</param>
        public SampledFreeMemory(IFreeMemory source)
        {
            _source = source;
        }

        /// <summary>Measures now (the main loop calls this once per pass).</summary>
        public void Sample()
        {
            long free = _source == null ? -1 : _source.FreeBytes();
            lock (_sync)
            {
                _freeBytes = free;
            }
        }

        /// <summary>The last measurement, or -1 before the first.</summary>
        /// <returns>Free bytes.</returns>
        public long FreeBytes()
        {
            lock (_sync)
            {
                return _freeBytes;
            }
        }
    }
}
