using Esp32Watchdog.Configuration;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// Notices a router whose health keeps alternating, so that its log entries can be muted:
    /// transitions closer together than <see cref="GapIntervals"/> probe intervals form a burst, and
    /// a burst of <see cref="Transitions"/> makes the router flapping until a quiet gap ends it.
    /// </summary>
    public sealed class FlapDetector
    {
        /// <summary>Transitions closer together than this many probe intervals count as one burst.</summary>
        public const int GapIntervals = 3;

        /// <summary>Transitions in one burst that make a router flapping.</summary>
        public const int Transitions = 4;

        private readonly WatchdogConfig _config;
        private long _lastTransitionAtMs;
        private int _burst;
        private bool _flapping;

        /// <summary>Creates a detector that has seen no transition.</summary>
        /// <param name="config">The probe interval (the unit of the gap).</param>
        public FlapDetector(WatchdogConfig config)
        {
            _config = config;
            _lastTransitionAtMs = long.MinValue;
        }

        /// <summary>True once a burst reached <see cref="Transitions"/> and was reported through <see cref="TryStartFlapping"/>.</summary>
        public bool IsFlapping
        {
            get { return _flapping; }
        }

        /// <summary>Transitions in the current burst.</summary>
        public int Burst
        {
            get { return _burst; }
        }

        /// <summary>Counts a healthy/unhealthy transition; a quiet gap before it starts a new burst and ends flapping.</summary>
        /// <param name="nowMilliseconds">Monotonic time of the transition.</param>
        public void OnTransition(long nowMilliseconds)
        {
            if (_lastTransitionAtMs != long.MinValue
                && nowMilliseconds - _lastTransitionAtMs <= (long)GapIntervals * _config.ProbeIntervalMilliseconds)
            {
                _burst++;
            }
            else
            {
                _burst = 1;
                _flapping = false;
            }

            _lastTransitionAtMs = nowMilliseconds;
        }

        /// <summary>Marks the router flapping when the burst is long enough and it was not already.</summary>
        /// <returns>True only on the call that starts flapping (report it once).</returns>
        public bool TryStartFlapping()
        {
            if (_flapping || _burst < Transitions)
            {
                return false;
            }

            _flapping = true;
            return true;
        }

        /// <summary>Forgets all transitions.</summary>
        public void Reset()
        {
            _burst = 0;
            _flapping = false;
            _lastTransitionAtMs = long.MinValue;
        }
    }
}
