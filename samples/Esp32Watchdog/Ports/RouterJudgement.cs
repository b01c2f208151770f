namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// What the watchdog has concluded about one router and must not forget when the board
    /// restarts: its recent actions (the rate limit and the back-off), whether it was given up,
    /// its maintenance hold, and whether the router's hold flag was already seen. Times are
    /// board-lifetime milliseconds (see <see cref="IActionHistoryStore"/>).
    /// </summary>
    /// <remarks>Allocated once per router; copied field by field, so keeping it current allocates nothing.</remarks>
    public sealed class RouterJudgement
    {
        private readonly long[] _actionTimes;

        /// <summary>Creates an empty judgement with room for <paramref name="actionSlots"/> actions.</summary>
        /// <param name="actionSlots">The rate limit K (actions per window) to keep.</param>
        public RouterJudgement(int actionSlots)
        {
            _actionTimes = new long[actionSlots < 1 ? 1 : actionSlots];
            Name = string.Empty;
        }

        /// <summary>The router's configured name: the key it is found by.</summary>
        public string Name { get; set; }

        /// <summary>The router was given up (a human must acknowledge).</summary>
        public bool GivenUp { get; set; }

        /// <summary>A maintenance hold runs until <see cref="HoldEndsAt"/>.</summary>
        public bool Holding { get; set; }

        /// <summary>The running hold was started by the router's flag (removing the flag ends it).</summary>
        public bool HoldByFlag { get; set; }

        /// <summary>When the running hold ends, in board-lifetime milliseconds.</summary>
        public long HoldEndsAt { get; set; }

        /// <summary>The router's hold flag was present when last looked at: its presence is not a new request.</summary>
        public bool FlagSeen { get; set; }

        /// <summary>Actions since the router was last forgiven (drives the back-off).</summary>
        public int ConsecutiveActions { get; set; }

        /// <summary>How many entries of <see cref="ActionTimes"/> are valid.</summary>
        public int ActionCount { get; private set; }

        /// <summary>Room for actions (<see cref="ActionTimes"/>' length).</summary>
        public int ActionSlots
        {
            get { return _actionTimes.Length; }
        }

        /// <summary>When each recent action was taken, in board-lifetime milliseconds (the first <see cref="ActionCount"/>).</summary>
        public long[] ActionTimes
        {
            get { return _actionTimes; }
        }

        /// <summary>Forgets everything but the name.</summary>
        public void Clear()
        {
            GivenUp = false;
            Holding = false;
            HoldByFlag = false;
            HoldEndsAt = 0;
            FlagSeen = false;
            ConsecutiveActions = 0;
            ActionCount = 0;
        }

        /// <summary>
        /// Adds an action; when the slots are full the oldest one gives way (only the most recent
        /// K matter to the rate limit).
        /// </summary>
        /// <param name="lifetimeMilliseconds">When it was taken.</param>
        public void AddAction(long lifetimeMilliseconds)
        {
            if (ActionCount < _actionTimes.Length)
            {
                _actionTimes[ActionCount++] = lifetimeMilliseconds;
                return;
            }

            int oldest = 0;
            for (int i = 1; i < ActionCount; i++)
            {
                if (_actionTimes[i] < _actionTimes[oldest])
                {
                    oldest = i;
                }
            }

            if (_actionTimes[oldest] < lifetimeMilliseconds)
            {
                _actionTimes[oldest] = lifetimeMilliseconds;
            }
        }

        /// <summary>Copies everything, the name included.</summary>
        /// <param name="other">The judgement to copy.</param>
        public void CopyFrom(RouterJudgement other)
        {
            Name = other.Name;
            GivenUp = other.GivenUp;
            Holding = other.Holding;
            HoldByFlag = other.HoldByFlag;
            HoldEndsAt = other.HoldEndsAt;
            FlagSeen = other.FlagSeen;
            ConsecutiveActions = other.ConsecutiveActions;
            ActionCount = 0;
            for (int i = 0; i < other.ActionCount; i++)
            {
                AddAction(other._actionTimes[i]);
            }
        }

        /// <summary>Whether <paramref name="other"/> says the same (name, flags, hold, actions in the same order).</summary>
        /// <param name="other">The judgement to compare with.</param>
        /// <returns>True when nothing differs.</returns>
        public bool SameAs(RouterJudgement other)
        {
            if (Name != other.Name || GivenUp != other.GivenUp || Holding != other.Holding || HoldByFlag != other.HoldByFlag
                || HoldEndsAt != other.HoldEndsAt || FlagSeen != other.FlagSeen || ConsecutiveActions != other.ConsecutiveActions
                || ActionCount != other.ActionCount)
            {
                return false;
            }

            for (int i = 0; i < ActionCount; i++)
            {
                if (_actionTimes[i] != other._actionTimes[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
