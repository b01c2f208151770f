using Esp32Watchdog.Ports;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>A delay in virtual time: it records and advances the fake clock.</summary>
    internal sealed class RecordingDelay : IDelay
    {
        private readonly ManualClock _clock;

        public RecordingDelay(ManualClock clock)
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
