using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Exponential back-off with jitter and a cap, for an application's reconnect loop: wait
    /// <see cref="NextDelayMilliseconds"/> after each failed attempt, <see cref="Reset"/> after a
    /// success. The jitter keeps a rack of boards from reconnecting to one router in lockstep.
    /// </summary>
    public sealed class ReconnectPolicy
    {
        private readonly int _initialMilliseconds;
        private readonly int _maxMilliseconds;
        private readonly Random _random;
        private int _attempts;

        /// <summary>Creates a policy.</summary>
        /// <param name="initialMilliseconds">The base delay after the first failure.</param>
        /// <param name="maxMilliseconds">The cap on any delay.</param>
        /// <param name="seed">Seed of the jitter (e.g. from the board's MAC address).</param>
        public ReconnectPolicy(int initialMilliseconds, int maxMilliseconds, int seed)
        {
            if (initialMilliseconds < 1 || maxMilliseconds < initialMilliseconds)
            {
                throw new MikrotikException(ErrorCode.InvalidConfiguration, "bad back-off range");
            }

            _initialMilliseconds = initialMilliseconds;
            _maxMilliseconds = maxMilliseconds;
            _random = new Random(seed);
        }

        /// <summary>Failed attempts since the last <see cref="Reset"/>.</summary>
        public int Attempts
        {
            get { return _attempts; }
        }

        /// <summary>
        /// The delay before the next attempt: the base doubles per failure up to the cap, and the
        /// result is drawn from its upper half ("equal jitter"), so it never drops below half.
        /// </summary>
        /// <returns>Milliseconds to wait.</returns>
        public int NextDelayMilliseconds()
        {
            long delay = _initialMilliseconds;
            for (int i = 0; i < _attempts && delay < _maxMilliseconds; i++)
            {
                delay *= 2;
            }

            if (delay > _maxMilliseconds)
            {
                delay = _maxMilliseconds;
            }

            _attempts++;
            int half = (int)(delay / 2);
            return half + _random.Next(half + 1);
        }

        /// <summary>Starts over after a successful connection.</summary>
        public void Reset()
        {
            _attempts = 0;
        }
    }
}
