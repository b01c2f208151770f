using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The uptime rule alone: when a reading means the router restarted.</summary>
    [TestClass]
    public class UptimeTrackerTests
    {
        /// <summary>The first reading is never a restart; an uptime growing with the clock is none either.</summary>
        [TestMethod]
        public static void GrowingUptimeIsNoRestart()
        {
            UptimeTracker t = new UptimeTracker(TestConfigs.Valid());
            Assert.AreEqual(-1L, t.LastUptimeSeconds);
            Assert.IsFalse(t.Observe(Reading(1000), 0));
            Assert.IsFalse(t.Observe(Reading(1030), 30000));
            Assert.AreEqual(1030L, t.LastUptimeSeconds);
        }

        /// <summary>A smaller uptime is a restart.</summary>
        [TestMethod]
        public static void SmallerUptimeIsARestart()
        {
            UptimeTracker t = new UptimeTracker(TestConfigs.Valid());
            t.Observe(Reading(1000), 0);
            Assert.IsTrue(t.Observe(Reading(10), 30000));
        }

        /// <summary>The tolerance: 30 s plus 1% of the gap plus the probe timeout (15 s here).</summary>
        [TestMethod]
        public static void ReadingsWithinTheToleranceAreNoRestart()
        {
            UptimeTracker t = new UptimeTracker(TestConfigs.Valid());
            t.Observe(Reading(1000), 0);

            // Expected 1030 after 30 s; the tolerance is 30 + 0 + 15 = 45 s.
            Assert.IsFalse(t.Observe(Reading(985), 30000));

            UptimeTracker u = new UptimeTracker(TestConfigs.Valid());
            u.Observe(Reading(1000), 0);
            Assert.IsTrue(u.Observe(Reading(984), 30000));
        }

        /// <summary>After a long gap a restart shows even when the new uptime exceeds the old one.</summary>
        [TestMethod]
        public static void RestartShowsAfterALongGap()
        {
            UptimeTracker t = new UptimeTracker(TestConfigs.Valid());
            t.Observe(Reading(1000), 0);

            // One hour later the router reports 30 min: it restarted half an hour ago.
            Assert.IsTrue(t.Observe(Reading(1800), 3600000));
        }

        /// <summary>A round without an uptime is ignored and changes nothing.</summary>
        [TestMethod]
        public static void RoundWithoutUptimeIsIgnored()
        {
            UptimeTracker t = new UptimeTracker(TestConfigs.Valid());
            t.Observe(Reading(1000), 0);
            HealthSample silent = HealthEvaluatorTests.NewSample();
            TestConfigs.Unreachable(silent);
            Assert.IsFalse(t.Observe(silent, 30000));
            Assert.IsFalse(t.Observe(Reading(-1), 60000));
            Assert.AreEqual(1000L, t.LastUptimeSeconds);
            Assert.IsTrue(t.Observe(Reading(5), 90000));
        }

        private static HealthSample Reading(long uptimeSeconds)
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Healthy(s, uptimeSeconds);
            return s;
        }
    }
}
