using System;
using Esp32Watchdog.Supervision;
using Xunit;

namespace Esp32Watchdog.Tests
{
    public class BoardWatchdogTests
    {
        [Fact]
        public void FedWatchdogNeverFires()
        {
            var clock = new FakeClock();
            var reset = new FakeBoardReset();
            using var watchdog = new BoardWatchdog(clock, reset, 60_000, 1_000);
            for (int i = 0; i < 1000; i++)
            {
                clock.Advance(59_000);
                watchdog.Feed();
                Assert.False(watchdog.Check());
            }

            Assert.Equal(0, reset.Calls);
        }

        [Fact]
        public void SilentLoopResetsTheBoardOnce()
        {
            var clock = new FakeClock();
            var reset = new FakeBoardReset();
            using var watchdog = new BoardWatchdog(clock, reset, 60_000, 1_000);
            watchdog.Feed();
            clock.Advance(59_999);
            Assert.False(watchdog.Check());
            clock.Advance(1);
            Assert.True(watchdog.Check());
            Assert.True(watchdog.HasFired);
            Assert.Equal(1, reset.Calls);
            Assert.Contains("60 s", reset.LastReason);

            clock.Advance(600_000);
            Assert.False(watchdog.Check());
            Assert.Equal(1, reset.Calls);
        }

        [Fact]
        public void TimerChecksOnItsOwn()
        {
            var clock = new FakeClock();
            var reset = new FakeBoardReset();
            using var watchdog = new BoardWatchdog(clock, reset, 60_000, 10);
            watchdog.Start();
            clock.Advance(120_000);

            // Bounded wait for the timer thread; no assertion on how long it took.
            Assert.True(reset.Fired.Wait(TimeSpan.FromSeconds(10)));
            Assert.Equal(1, reset.Calls);
        }

        [Fact]
        public void RejectsBadArguments()
        {
            Assert.Throws<ArgumentNullException>(() => new BoardWatchdog(null, new FakeBoardReset(), 1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new BoardWatchdog(new FakeClock(), new FakeBoardReset(), 0, 1));
        }
    }
}
