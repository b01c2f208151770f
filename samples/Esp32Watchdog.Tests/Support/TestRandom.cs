namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A small seeded generator (xorshift32) so that the noisy runs are the same sequence on the
    /// host and on the device (System.Random differs between the two).
    /// </summary>
    internal sealed class TestRandom
    {
        private uint _state;

        public TestRandom(uint seed)
        {
            _state = seed == 0 ? 1u : seed;
        }

        /// <summary>A number in [0, <paramref name="max"/>).</summary>
        public int Next(int max)
        {
            return Next(0, max);
        }

        /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>).</summary>
        public int Next(int min, int max)
        {
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            return min + (int)(_state % (uint)(max - min));
        }
    }
}
