using Esp32Watchdog.Policy;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The flap rule alone: bursts of transitions and the quiet gap that ends them.</summary>
    [TestClass]
    public class FlapDetectorTests
    {
        // The default probe interval: 30 s, so a burst allows gaps of up to 90 s.
        private const long Interval = 30000;

        /// <summary>Four transitions one interval apart start flapping; it is reported once.</summary>
        [TestMethod]
        public static void FourQuickTransitionsStartFlappingOnce()
        {
            FlapDetector f = new FlapDetector(TestConfigs.Valid());
            for (int i = 0; i < FlapDetector.Transitions - 1; i++)
            {
                f.OnTransition(i * Interval);
                Assert.IsFalse(f.TryStartFlapping());
            }

            f.OnTransition(3 * Interval);
            Assert.IsTrue(f.TryStartFlapping());
            Assert.IsTrue(f.IsFlapping);
            f.OnTransition(4 * Interval);
            Assert.IsFalse(f.TryStartFlapping());
            Assert.IsTrue(f.IsFlapping);
        }

        /// <summary>A gap of exactly three intervals still joins the burst; one millisecond more starts a new one.</summary>
        [TestMethod]
        public static void GapOfThreeIntervalsJoinsTheBurst()
        {
            FlapDetector f = new FlapDetector(TestConfigs.Valid());
            f.OnTransition(0);
            f.OnTransition(FlapDetector.GapIntervals * Interval);
            Assert.AreEqual(2, f.Burst);
            f.OnTransition((2 * FlapDetector.GapIntervals * Interval) + 1);
            Assert.AreEqual(1, f.Burst);
        }

        /// <summary>A quiet gap ends flapping.</summary>
        [TestMethod]
        public static void QuietGapEndsFlapping()
        {
            FlapDetector f = new FlapDetector(TestConfigs.Valid());
            for (int i = 0; i < FlapDetector.Transitions; i++)
            {
                f.OnTransition(i * Interval);
            }

            Assert.IsTrue(f.TryStartFlapping());
            f.OnTransition(3600000);
            Assert.IsFalse(f.IsFlapping);
            Assert.AreEqual(1, f.Burst);
        }

        /// <summary>Flapping is only set by asking: counting alone does not set it.</summary>
        [TestMethod]
        public static void CountingAloneDoesNotSetFlapping()
        {
            FlapDetector f = new FlapDetector(TestConfigs.Valid());
            for (int i = 0; i < 10; i++)
            {
                f.OnTransition(i * Interval);
            }

            Assert.IsFalse(f.IsFlapping);
            Assert.AreEqual(10, f.Burst);
        }

        /// <summary>Reset forgets the burst: the next transition starts a new one.</summary>
        [TestMethod]
        public static void ResetForgetsTheBurst()
        {
            FlapDetector f = new FlapDetector(TestConfigs.Valid());
            for (int i = 0; i < FlapDetector.Transitions; i++)
            {
                f.OnTransition(i * Interval);
            }

            f.TryStartFlapping();
            f.Reset();
            Assert.IsFalse(f.IsFlapping);
            Assert.AreEqual(0, f.Burst);
            f.OnTransition(4 * Interval);
            Assert.AreEqual(1, f.Burst);
        }
    }
}
