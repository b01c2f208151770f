using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Time
{
    /// <summary>
    /// The board clock keeps native stalls: SystemClock drops any step above a minute (measured on
    /// nanoCLR: wall clock +70,001 ms, SystemClock +0 ms); TickClock counts the board's ticks.
    /// </summary>
    [TestClass]
    public class TickClockTests
    {
        /// <summary>A 70 s stall between two readings is 70 s on the clock, so a 30 s deadline has passed.</summary>
        [TestMethod]
        public static void SeventySecondStallIsKept()
        {
            ManualTicks ticks = new ManualTicks();
            ticks.Now = 123456;
            TickClock clock = new TickClock(ticks);
            Assert.AreEqual(0L, clock.NowMilliseconds);

            long deadline = clock.NowMilliseconds + 30000;
            ticks.Now += 70001;
            Assert.AreEqual(70001L, clock.NowMilliseconds);
            Assert.IsTrue(clock.NowMilliseconds >= deadline, "the deadline stretched by the stall");
            Assert.IsTrue(70001 > SystemClock.MaxStepMilliseconds, "a step SystemClock would have dropped");
        }

        /// <summary>The clock never goes backwards, even over a source that does.</summary>
        [TestMethod]
        public static void NeverBackwards()
        {
            ManualTicks ticks = new ManualTicks();
            TickClock clock = new TickClock(ticks);
            ticks.Now = 5000;
            Assert.AreEqual(5000L, clock.NowMilliseconds);
            ticks.Now = 1000;
            Assert.AreEqual(5000L, clock.NowMilliseconds);
            ticks.Now = 6000;
            Assert.AreEqual(6000L, clock.NowMilliseconds);
        }

        private sealed class ManualTicks : ITickSource
        {
            public long Now;

            public long TickMilliseconds
            {
                get { return Now; }
            }
        }
    }
}
