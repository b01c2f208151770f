using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// An <see cref="IClock"/> over the board's tick count (<see cref="ITickSource"/>): every
    /// millisecond is kept, a native stall of 70 s included, and the wall clock (which SNTP may
    /// step) is never read. Prefer it to <see cref="SystemClock"/> wherever a tick source exists.
    /// </summary>
    /// <remarks>Thread-safe. A source that ever went backwards would be held at its highest reading.</remarks>
    public sealed class TickClock : IClock
    {
        private readonly object _sync = new object();
        private readonly ITickSource _ticks;
        private readonly long _origin;
        private long _highest;

        /// <summary>Starts the clock at 0 on the source's current reading.</summary>
        /// <param name="ticks">The board's tick count.</param>
        public TickClock(ITickSource ticks)
        {
            if (ticks == null)
            {
                throw new ArgumentNullException();
            }

            _ticks = ticks;
            _origin = ticks.TickMilliseconds;
        }

        /// <inheritdoc />
        public long NowMilliseconds
        {
            get
            {
                long now = _ticks.TickMilliseconds - _origin;
                lock (_sync)
                {
                    if (now > _highest)
                    {
                        _highest = now;
                    }

                    return _highest;
                }
            }
        }
    }
}
