using System.Threading;
using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Time
{
    /// <summary>The default clock: monotonic, and it does count real elapsed time.</summary>
    [TestClass]
    public class SystemClockTests
    {
        /// <summary>Readings never go backwards and a sleep is seen as elapsed time.</summary>
        [TestMethod]
        public static void MonotonicAndAdvancing()
        {
            SystemClock clock = new SystemClock();
            long first = clock.NowMilliseconds;
            long previous = first;
            for (int i = 0; i < 1000; i++)
            {
                long now = clock.NowMilliseconds;
                Assert.IsTrue(now >= previous, "the clock went backwards");
                previous = now;
            }

            Thread.Sleep(120);
            long elapsed = clock.NowMilliseconds - first;
            Assert.IsTrue(elapsed >= 100 && elapsed < SystemClock.MaxStepMilliseconds, "elapsed " + elapsed.ToString());
        }
    }
}
