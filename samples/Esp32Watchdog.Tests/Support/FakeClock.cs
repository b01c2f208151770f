using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>Virtual time: it moves only when a test (or the scripted router) advances it.</summary>
    internal sealed class FakeClock : IClock
    {
        /// <summary>Now, in milliseconds.</summary>
        public long NowMilliseconds { get; set; }

        /// <summary>Moves time forward.</summary>
        public void Advance(long milliseconds)
        {
            NowMilliseconds += milliseconds;
        }
    }
}
