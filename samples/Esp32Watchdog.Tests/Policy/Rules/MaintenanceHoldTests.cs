using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The maintenance hold alone: its length and the router-side flag's edges.</summary>
    [TestClass]
    public class MaintenanceHoldTests
    {
        /// <summary>No length asks for the default; a long one is capped; the hold ends at its length.</summary>
        [TestMethod]
        public static void LengthIsDefaultedAndCapped()
        {
            WatchdogConfig config = TestConfigs.Valid();
            MaintenanceHold h = new MaintenanceHold(config);
            Assert.AreEqual((long)config.MaintenanceDefaultMilliseconds, h.Begin(0, false, 1000));
            Assert.IsFalse(h.HasExpired(1000 + config.MaintenanceDefaultMilliseconds - 1));
            Assert.IsTrue(h.HasExpired(1000 + config.MaintenanceDefaultMilliseconds));

            Assert.AreEqual((long)config.MaintenanceMaxMilliseconds, h.Begin(100L * 3600000, false, 0));
            Assert.AreEqual(60000L, h.Begin(60000, false, 0));
        }

        /// <summary>The flag is edge-triggered: it raises once however long it stays.</summary>
        [TestMethod]
        public static void FlagRaisesOnce()
        {
            MaintenanceHold h = new MaintenanceHold(TestConfigs.Valid());
            HealthSample s = Flag(true);
            Assert.AreEqual((int)MaintenanceFlagEdge.Raised, (int)h.FollowFlag(s, false));
            h.Begin(60000, true, 0);
            Assert.AreEqual((int)MaintenanceFlagEdge.None, (int)h.FollowFlag(s, true));
            Assert.AreEqual((int)MaintenanceFlagEdge.None, (int)h.FollowFlag(s, false));
        }

        /// <summary>Removing the flag ends the hold it started while that hold runs.</summary>
        [TestMethod]
        public static void RemovingTheFlagEndsItsHold()
        {
            MaintenanceHold h = new MaintenanceHold(TestConfigs.Valid());
            h.FollowFlag(Flag(true), false);
            h.Begin(60000, true, 0);
            Assert.AreEqual((int)MaintenanceFlagEdge.RemovedEndsHold, (int)h.FollowFlag(Flag(false), true));
            Assert.AreEqual((int)MaintenanceFlagEdge.Raised, (int)h.FollowFlag(Flag(true), false));
        }

        /// <summary>Removing the flag ends neither a hold started by hand nor one already over.</summary>
        [TestMethod]
        public static void RemovingTheFlagLeavesOtherHolds()
        {
            MaintenanceHold h = new MaintenanceHold(TestConfigs.Valid());
            h.FollowFlag(Flag(true), false);
            h.Begin(60000, true, 0);
            h.Begin(60000, false, 1000);
            Assert.AreEqual((int)MaintenanceFlagEdge.None, (int)h.FollowFlag(Flag(false), true));

            MaintenanceHold expired = new MaintenanceHold(TestConfigs.Valid());
            expired.FollowFlag(Flag(true), false);
            expired.Begin(60000, true, 0);
            Assert.AreEqual((int)MaintenanceFlagEdge.None, (int)expired.FollowFlag(Flag(false), false));
        }

        /// <summary>A round without the API says nothing about the flag.</summary>
        [TestMethod]
        public static void SilentRoundSaysNothing()
        {
            MaintenanceHold h = new MaintenanceHold(TestConfigs.Valid());
            h.FollowFlag(Flag(true), false);
            h.Begin(60000, true, 0);
            HealthSample silent = HealthEvaluatorTests.NewSample();
            TestConfigs.Unreachable(silent);
            Assert.AreEqual((int)MaintenanceFlagEdge.None, (int)h.FollowFlag(silent, true));
            Assert.AreEqual((int)MaintenanceFlagEdge.RemovedEndsHold, (int)h.FollowFlag(Flag(false), true));
        }

        private static HealthSample Flag(bool raised)
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Healthy(s, 1000);
            s.MaintenanceRequested = raised;
            s.MaintenanceMinutes = 1;
            return s;
        }
    }
}
