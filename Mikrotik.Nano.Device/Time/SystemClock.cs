using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// The default <see cref="IClock"/>: wall-clock ticks made monotonic. A backwards step or a
    /// forward leap of more than <see cref="MaxStepMilliseconds"/> between two readings (SNTP
    /// setting the time after boot) is absorbed instead of being seen as elapsed time.
    /// </summary>
    /// <remarks>
    /// It drops a native stall longer than <see cref="MaxStepMilliseconds"/> (nanoFramework's TLS
    /// waits stop every managed thread): on a board, use <see cref="TickClock"/> over the board's
    /// tick count instead. mscorlib has no monotonic timer; this is the portable fallback. Readings must
    /// be taken at least once per <see cref="MaxStepMilliseconds"/> for leap detection to hold,
    /// which the client's pump does. Thread-safe.
    /// </remarks>
    public sealed class SystemClock : IClock
    {
        /// <summary>The largest step between two readings that is taken as real elapsed time.</summary>
        public const long MaxStepMilliseconds = 60000;

        private readonly object _sync = new object();
        private long _lastWallMilliseconds;
        private long _nowMilliseconds;
        private bool _started;

        /// <inheritdoc />
        public long NowMilliseconds
        {
            get
            {
                long wall = DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond;
                lock (_sync)
                {
                    if (_started)
                    {
                        long step = wall - _lastWallMilliseconds;
                        if (step > 0 && step <= MaxStepMilliseconds)
                        {
                            _nowMilliseconds += step;
                        }
                    }

                    _started = true;
                    _lastWallMilliseconds = wall;
                    return _nowMilliseconds;
                }
            }
        }
    }
}
