using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>A delay in virtual time: it records and advances the fake clock.</summary>
    internal sealed class RecordingDelay : IDelay
    {
        private readonly FakeClock _clock;

        public RecordingDelay(FakeClock clock)
        {
            _clock = clock;
        }

        public long Slept { get; private set; }

        public void Sleep(int milliseconds)
        {
            Slept += milliseconds;
            if (_clock != null)
            {
                _clock.Advance(milliseconds);
            }
        }
    }
}
