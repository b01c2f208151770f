using System;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>The board's software watchdog: fed, it never fires; starved, it resets the board once.</summary>
    [TestClass]
    public class BoardWatchdogTests
    {
        /// <summary>Fed watchdog never fires.</summary>
        [TestMethod]
        public static void FedWatchdogNeverFires()
        {
            ManualClock clock = new ManualClock();
            FakeBoardReset reset = new FakeBoardReset();
            using (BoardWatchdog watchdog = new BoardWatchdog(clock, reset, 60000, 1000))
            {
                for (int i = 0; i < 1000; i++)
                {
                    clock.Advance(59000);
                    watchdog.Feed();
                    Assert.IsFalse(watchdog.Check());
                }
            }

            Assert.AreEqual(0, reset.Calls);
        }

        /// <summary>Silent loop resets the board once.</summary>
        [TestMethod]
        public static void SilentLoopResetsTheBoardOnce()
        {
            ManualClock clock = new ManualClock();
            FakeBoardReset reset = new FakeBoardReset();
            using (BoardWatchdog watchdog = new BoardWatchdog(clock, reset, 60000, 1000))
            {
                watchdog.Feed();
                clock.Advance(59999);
                Assert.IsFalse(watchdog.Check());
                clock.Advance(1);
                Assert.IsTrue(watchdog.Check());
                Assert.IsTrue(watchdog.HasFired);
                Assert.AreEqual(1, reset.Calls);
                Assert.Contains("60 s", reset.LastReason);

                clock.Advance(600000);
                Assert.IsFalse(watchdog.Check());
                Assert.AreEqual(1, reset.Calls);
            }
        }

        /// <summary>Timer checks on its own.</summary>
        [TestMethod]
        public static void TimerChecksOnItsOwn()
        {
            ManualClock clock = new ManualClock();
            FakeBoardReset reset = new FakeBoardReset();
            using (BoardWatchdog watchdog = new BoardWatchdog(clock, reset, 60000, 10))
            {
                watchdog.Start();
                clock.Advance(120000);

                // Bounded wait for the timer thread; no assertion on how long it took.
                Assert.IsTrue(reset.Fired.WaitOne(10000, false), "the timer never checked");
                Assert.AreEqual(1, reset.Calls);
            }
        }

        /// <summary>Rejects bad arguments.</summary>
        [TestMethod]
        public static void RejectsBadArguments()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new BoardWatchdog(null, new FakeBoardReset(), 1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new BoardWatchdog(new ManualClock(), new FakeBoardReset(), 0, 1));
        }
    }
}
