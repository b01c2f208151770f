namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// Counts consecutive rounds by health: unhealthy rounds (silence or a failing check that acts), unreachable rounds (API
    /// silent), and since when the router has been healthy. Tells the caller when a round changed
    /// the router from healthy to unhealthy or back.
    /// </summary>
    public sealed class HealthStreaks
    {
        private int _unhealthy;
        private int _unreachable;
        private long _healthySinceMs;

        /// <summary>Creates streaks at zero.</summary>
        public HealthStreaks()
        {
            Reset();
        }

        /// <summary>Consecutive unhealthy rounds (0 after a healthy round).</summary>
        public int Unhealthy
        {
            get { return _unhealthy; }
        }

        /// <summary>Consecutive rounds with the API unreachable (0 after any other round).</summary>
        public int Unreachable
        {
            get { return _unreachable; }
        }

        /// <summary>Counts one round.</summary>
        /// <param name="unhealthy">Whether the round counts as unhealthy.</param>
        /// <param name="unreachable">Whether the API was silent in the round.</param>
        /// <param name="nowMilliseconds">Monotonic time of the round.</param>
        /// <returns>True when the round changed the health (healthy to unhealthy or back); the zero streak counts as healthy.</returns>
        public bool Count(bool unhealthy, bool unreachable, long nowMilliseconds)
        {
            bool healthy = !unhealthy;
            bool wasHealthy = _unhealthy == 0;
            if (healthy)
            {
                _unhealthy = 0;
                _unreachable = 0;
                if (_healthySinceMs < 0)
                {
                    _healthySinceMs = nowMilliseconds;
                }
            }
            else
            {
                _unhealthy++;
                _unreachable = unreachable ? _unreachable + 1 : 0;
                _healthySinceMs = -1;
            }

            return healthy != wasHealthy;
        }

        /// <summary>How long the router has been healthy without a break.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>Milliseconds; -1 when the last counted round was unhealthy or nothing was counted since <see cref="Reset"/>.</returns>
        public long HealthyFor(long nowMilliseconds)
        {
            return _healthySinceMs < 0 ? -1 : nowMilliseconds - _healthySinceMs;
        }

        /// <summary>Starts over from zero (a new incident, a hold, an outage of the board's network).</summary>
        public void Reset()
        {
            _unhealthy = 0;
            _unreachable = 0;
            _healthySinceMs = -1;
        }
    }
}
