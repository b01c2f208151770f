using Esp32Watchdog.Policy;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The streaks alone: consecutive unhealthy and unreachable rounds and the healthy time.</summary>
    [TestClass]
    public class HealthStreaksTests
    {
        /// <summary>Unhealthy rounds count every unhealthy round; unreachable rounds only the silent ones in a row.</summary>
        [TestMethod]
        public static void UnhealthyAndUnreachableCountSeparately()
        {
            HealthStreaks s = new HealthStreaks();
            s.Count(true, true, 1000);
            s.Count(true, true, 2000);
            Assert.AreEqual(2, s.Unhealthy);
            Assert.AreEqual(2, s.Unreachable);

            s.Count(true, false, 3000);
            Assert.AreEqual(3, s.Unhealthy);
            Assert.AreEqual(0, s.Unreachable);

            s.Count(false, false, 4000);
            Assert.AreEqual(0, s.Unhealthy);
            Assert.AreEqual(0, s.Unreachable);
        }

        /// <summary>Only a change of health is a transition; the first healthy round is none.</summary>
        [TestMethod]
        public static void OnlyAChangeOfHealthIsATransition()
        {
            HealthStreaks s = new HealthStreaks();
            Assert.IsFalse(s.Count(false, false, 1000));
            Assert.IsTrue(s.Count(true, false, 2000));
            Assert.IsFalse(s.Count(true, false, 3000));
            Assert.IsTrue(s.Count(false, false, 4000));
            Assert.IsFalse(s.Count(false, false, 5000));
        }

        /// <summary>Healthy time runs from the first healthy round and stops at an unhealthy one.</summary>
        [TestMethod]
        public static void HealthyTimeRunsFromTheFirstHealthyRound()
        {
            HealthStreaks s = new HealthStreaks();
            Assert.AreEqual(-1L, s.HealthyFor(1000));
            s.Count(false, false, 1000);
            s.Count(false, false, 31000);
            Assert.AreEqual(40000L, s.HealthyFor(41000));

            s.Count(true, false, 61000);
            Assert.AreEqual(-1L, s.HealthyFor(61000));
            s.Count(false, false, 91000);
            Assert.AreEqual(0L, s.HealthyFor(91000));
        }

        /// <summary>Reset starts everything over.</summary>
        [TestMethod]
        public static void ResetStartsOver()
        {
            HealthStreaks s = new HealthStreaks();
            s.Count(true, true, 1000);
            s.Reset();
            Assert.AreEqual(0, s.Unhealthy);
            Assert.AreEqual(0, s.Unreachable);
            Assert.AreEqual(-1L, s.HealthyFor(2000));
            Assert.IsFalse(s.Count(false, false, 3000));
        }
    }
}
