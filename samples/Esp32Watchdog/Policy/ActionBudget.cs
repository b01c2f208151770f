using Esp32Watchdog.Configuration;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// How many actions a router may still get: at most K per sliding window (the rate limit; hitting
    /// it is what "given up" means), and a back-off after each action that doubles with every
    /// consecutive action until the router stays healthy long enough to be forgiven.
    /// </summary>
    public sealed class ActionBudget
    {
        private readonly WatchdogConfig _config;
        private readonly long[] _actionTimes;
        private int _consecutiveActions;
        private long _lastActionAtMs;

        /// <summary>Creates an empty budget of <see cref="WatchdogConfig.MaxActionsPerWindow"/> slots.</summary>
        /// <param name="config">The window, the limit and the back-off.</param>
        public ActionBudget(WatchdogConfig config)
        {
            _config = config;
            _actionTimes = new long[config.MaxActionsPerWindow];
            Clear();
        }

        /// <summary>Actions since the router was last forgiven; drives the back-off.</summary>
        public int ConsecutiveActions
        {
            get { return _consecutiveActions; }
        }

        /// <summary>How many actions fall in the sliding window ending now.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>0 .. <see cref="WatchdogConfig.MaxActionsPerWindow"/>.</returns>
        public int ActionsInWindow(long nowMilliseconds)
        {
            int count = 0;
            long since = nowMilliseconds - _config.ActionWindowMilliseconds;
            for (int i = 0; i < _actionTimes.Length; i++)
            {
                if (_actionTimes[i] != long.MinValue && _actionTimes[i] > since)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>True when the window already holds K actions: another one would exceed the limit.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>Whether the rate limit is reached.</returns>
        public bool IsExhausted(long nowMilliseconds)
        {
            return ActionsInWindow(nowMilliseconds) >= _config.MaxActionsPerWindow;
        }

        /// <summary>The back-off that must pass after the n-th consecutive action (base, doubled each time, capped).</summary>
        /// <param name="consecutiveActions">Actions so far (1 = after the first).</param>
        /// <returns>Milliseconds; 0 when no action was taken.</returns>
        public long BackoffAfter(int consecutiveActions)
        {
            if (consecutiveActions <= 0)
            {
                return 0;
            }

            long backoff = _config.BackoffBaseMilliseconds;
            for (int i = 1; i < consecutiveActions && backoff < _config.BackoffMaxMilliseconds; i++)
            {
                backoff *= 2;
            }

            return backoff > _config.BackoffMaxMilliseconds ? _config.BackoffMaxMilliseconds : backoff;
        }

        /// <summary>How much of the current back-off is left.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>Milliseconds still to wait; 0 when an action may be taken now.</returns>
        public long BackoffLeft(long nowMilliseconds)
        {
            if (_consecutiveActions <= 0)
            {
                return 0;
            }

            long left = _lastActionAtMs + BackoffAfter(_consecutiveActions) - nowMilliseconds;
            return left > 0 ? left : 0;
        }

        /// <summary>Counts an action taken now (it replaces the oldest one in the window).</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void Record(long nowMilliseconds)
        {
            _actionTimes[OldestSlot()] = nowMilliseconds;
            _consecutiveActions++;
            _lastActionAtMs = nowMilliseconds;
        }

        /// <summary>
        /// Counts actions remembered across a board reset as if the board had never restarted;
        /// entries older than the window are ignored.
        /// </summary>
        /// <param name="agesMilliseconds">How long ago each action was taken (negative counts as 0: recent).</param>
        /// <param name="count">How many entries of <paramref name="agesMilliseconds"/> are valid.</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void Restore(long[] agesMilliseconds, int count, long nowMilliseconds)
        {
            for (int i = 0; i < count && i < agesMilliseconds.Length; i++)
            {
                long age = agesMilliseconds[i] < 0 ? 0 : agesMilliseconds[i];
                long at = nowMilliseconds - age;
                if (age >= _config.ActionWindowMilliseconds)
                {
                    continue;
                }

                int oldest = OldestSlot();
                if (_actionTimes[oldest] < at)
                {
                    _actionTimes[oldest] = at;
                }

                _consecutiveActions++;
                if (_consecutiveActions == 1 || at > _lastActionAtMs)
                {
                    _lastActionAtMs = at;
                }
            }
        }

        /// <summary>The router stayed healthy long enough: the back-off starts again from the base.</summary>
        public void Forgive()
        {
            _consecutiveActions = 0;
        }

        /// <summary>Empties the window and forgives (a human acknowledged).</summary>
        public void Clear()
        {
            for (int i = 0; i < _actionTimes.Length; i++)
            {
                _actionTimes[i] = long.MinValue;
            }

            _consecutiveActions = 0;
        }

        private int OldestSlot()
        {
            int oldest = 0;
            for (int i = 1; i < _actionTimes.Length; i++)
            {
                if (_actionTimes[i] < _actionTimes[oldest])
                {
                    oldest = i;
                }
            }

            return oldest;
        }
    }
}
