using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

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

        /// <summary>Copies the actions and the back-off count into a judgement to keep (times moved by <paramref name="offset"/>).</summary>
        /// <param name="into">Receives them (its actions are replaced).</param>
        /// <param name="offset">Added to each monotonic time (board lifetime = monotonic + offset).</param>
        public void ExportTo(RouterJudgement into, long offset)
        {
            for (int i = 0; i < _actionTimes.Length; i++)
            {
                if (_actionTimes[i] != long.MinValue)
                {
                    into.AddAction(_actionTimes[i] + offset);
                }
            }

            into.ConsecutiveActions = _consecutiveActions;
        }

        /// <summary>
        /// Replaces the budget with a kept judgement's: its actions (those still in the window) and
        /// its back-off count, exactly. A time later than now (a lying copy) counts as now.
        /// </summary>
        /// <param name="kept">The kept judgement.</param>
        /// <param name="offset">Subtracted from each kept time (monotonic = board lifetime - offset).</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void RestoreFrom(RouterJudgement kept, long offset, long nowMilliseconds)
        {
            Clear();
            bool any = false;
            for (int i = 0; i < kept.ActionCount; i++)
            {
                long at = kept.ActionTimes[i] - offset;
                if (at > nowMilliseconds)
                {
                    at = nowMilliseconds;
                }

                if (!any || at > _lastActionAtMs)
                {
                    _lastActionAtMs = at;
                }

                any = true;
                int oldest = OldestSlot();
                if (nowMilliseconds - at < _config.ActionWindowMilliseconds && _actionTimes[oldest] < at)
                {
                    _actionTimes[oldest] = at;
                }
            }

            _consecutiveActions = kept.ConsecutiveActions < 0 ? 0 : kept.ConsecutiveActions;
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
