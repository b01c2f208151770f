using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>
    /// The router-side maintenance trigger: a <c>watchdog-hold</c> script on the router starts a
    /// hold (its comment gives the minutes), removing it ends the hold, and a forgotten flag does
    /// not renew the hold forever.
    /// </summary>
    [TestClass]
    public class MaintenanceFlagTests
    {
        private static PolicyAction FlaggedRound(PolicyDriver d, int minutes)
        {
            TestConfigs.Healthy(d.Sample, d.Uptime + d.Interval / 1000);
            d.Sample.MaintenanceRequested = true;
            d.Sample.MaintenanceMinutes = minutes;
            d.Sample.AddInterfaceNotRunning(d.Config.Routers[0].WatchedInterfaces[0]);
            d.Uptime += d.Interval / 1000;
            d.Now += d.Interval;
            return d.Policy.OnProbe(d.Sample, d.Now);
        }

        /// <summary>The flag starts a hold of its minutes; an upgrade's silence then costs nothing.</summary>
        [TestMethod]
        public static void FlagStartsAHoldThatCoversTheUpgrade()
        {
            PolicyDriver d = new PolicyDriver();
            d.Healthy();
            Assert.AreEqual((int)PolicyAction.None, (int)FlaggedRound(d, 30));
            Assert.AreEqual((int)PolicyState.Maintenance, (int)d.Policy.State);
            Assert.AreEqual((int)DecisionCode.MaintenanceStarted, (int)d.Log.Last.Code);
            Assert.Contains("router flag", d.Log.Last.Reason);
            Assert.Contains("30 min", d.Log.Last.Reason);

            // The upgrade: the API is silent for 20 minutes; nothing is done.
            for (int i = 0; i < 40; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.Unreachable());
            }

            Assert.AreEqual((int)PolicyState.Maintenance, (int)d.Policy.State);
        }

        /// <summary>Removing the flag ends the hold it started.</summary>
        [TestMethod]
        public static void RemovingTheFlagEndsItsHold()
        {
            PolicyDriver d = new PolicyDriver();
            FlaggedRound(d, 0);
            Assert.Contains("60 min", d.Log.Last.Reason);
            d.Healthy();
            Assert.AreEqual((int)PolicyState.Monitoring, (int)d.Policy.State);
            Assert.AreEqual((int)DecisionCode.MaintenanceEnded, (int)d.Log.Last.Code);
            Assert.AreEqual("router flag removed", d.Log.Last.Reason);
        }

        /// <summary>A forgotten flag does not renew the hold: after it expires the watchdog acts again.</summary>
        [TestMethod]
        public static void ForgottenFlagDoesNotHoldForever()
        {
            PolicyDriver d = new PolicyDriver();
            int rounds = 0;
            PolicyAction action = PolicyAction.None;
            while (action == PolicyAction.None && rounds < 1000)
            {
                action = FlaggedRound(d, 10);
                rounds++;
            }

            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.MaintenanceStarted));

            // 10 minutes of hold at 30 s per round, then the four rounds of hysteresis.
            Assert.IsTrue(rounds >= 20 && rounds <= 24, "rounds " + rounds.ToString());
        }

        /// <summary>A hold started by hand is not ended by a router without the flag.</summary>
        [TestMethod]
        public static void HandHoldIsNotEndedByTheAbsentFlag()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.BeginMaintenance(0, d.Now);
            d.Healthy();
            d.Healthy();
            Assert.AreEqual((int)PolicyState.Maintenance, (int)d.Policy.State);
        }

        /// <summary>An unreachable round says nothing about the flag.</summary>
        [TestMethod]
        public static void UnreachableRoundKeepsTheFlagHold()
        {
            PolicyDriver d = new PolicyDriver();
            FlaggedRound(d, 60);
            d.Unreachable();
            Assert.AreEqual((int)PolicyState.Maintenance, (int)d.Policy.State);
        }
    }
}
