namespace Mikrotik.Nano
{
    /// <summary>
    /// Virtual time for tests (ours and yours): the clock moves only when told to, by
    /// <see cref="Advance"/> or by setting <see cref="NowMilliseconds"/>, or, given a step, by that
    /// step at every reading, so that a client loop runs through seconds of protocol time in a few
    /// hundred turns with no sleep. Safe to read from a pump thread while a test advances it.
    /// </summary>
    public sealed class ManualClock : IClock
    {
        private readonly object _sync = new object();
        private readonly long _step;
        private long _now;

        /// <summary>A clock at 0 that moves only when told to.</summary>
        public ManualClock()
            : this(0, 0)
        {
        }

        /// <summary>A clock at <paramref name="start"/> that moves <paramref name="stepPerReading"/> ms before each reading.</summary>
        /// <param name="start">The first time, in milliseconds.</param>
        /// <param name="stepPerReading">How far each reading moves time on (0: only when told to).</param>
        public ManualClock(long start, long stepPerReading)
        {
            _now = start;
            _step = stepPerReading;
        }

        /// <summary>Now, in milliseconds; reading it first moves time by the step, if any. Setting it moves time anywhere.</summary>
        public long NowMilliseconds
        {
            get
            {
                // A lock, not a plain read: a long is read in two halves on a 32-bit device.
                lock (_sync)
                {
                    _now += _step;
                    return _now;
                }
            }

            set
            {
                lock (_sync)
                {
                    _now = value;
                }
            }
        }

        /// <summary>Moves time forward by <paramref name="milliseconds"/>.</summary>
        /// <param name="milliseconds">How far.</param>
        public void Advance(long milliseconds)
        {
            lock (_sync)
            {
                _now += milliseconds;
            }
        }
    }
}
