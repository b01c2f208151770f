namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>
    /// Virtual time for the client's timers: every reading advances the clock by a fixed step, so
    /// a client loop runs through seconds of protocol time in a few hundred turns, with no sleep.
    /// </summary>
    internal sealed class SteppingClock : IClock
    {
        private readonly long _step;
        private long _now = 1000;

        internal SteppingClock(long step)
        {
            _step = step;
        }

        public long NowMilliseconds
        {
            get
            {
                lock (this)
                {
                    _now += _step;
                    return _now;
                }
            }
        }
    }
}
