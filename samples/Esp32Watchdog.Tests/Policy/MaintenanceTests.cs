using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy
{
    /// <summary>Maintenance holds, reboots the router did on its own, and outages of the board's own network.</summary>
    [TestClass]
    public class MaintenanceTests
    {
        /// <summary>Maintenance holds actions until it expires.</summary>
        [TestMethod]
        public static void MaintenanceHoldsActionsUntilItExpires()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.BeginMaintenance(30 * 60000, d.Now);
            Assert.AreEqual((int)RouterCondition.Maintenance, (int)d.Policy.Condition);

            int rounds = 0;
            while (d.Policy.State == PolicyState.Maintenance)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.InterfaceDown());
                rounds++;
                Assert.IsTrue(rounds < 1000);
            }

            Assert.AreEqual(60, rounds);
            Assert.AreEqual((int)DecisionCode.MaintenanceStarted, (int)d.Log.At(0).Code);
            Assert.AreEqual((int)DecisionCode.MaintenanceEnded, (int)d.Log.At(1).Code);
            Assert.AreEqual("hold expired", d.Log.At(1).Reason);

            // The round in which the hold expired counts as the first of four.
            PolicyAction action;
            Assert.AreEqual(3, d.RoundsUntilAction(d.InterfaceDown, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
        }

        /// <summary>Maintenance is capped and can end by hand.</summary>
        [TestMethod]
        public static void MaintenanceIsCappedAndCanEndByHand()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.BeginMaintenance(48L * 3600000, d.Now);
            Assert.Contains("240 min", d.Log.At(0).Reason);
            d.Policy.EndMaintenance(d.Now);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)d.Policy.State);
            Assert.AreEqual("ended by hand", d.Log.Last.Reason);

            d.Policy.BeginMaintenance(0, d.Now);
            Assert.Contains("60 min", d.Log.Last.Reason);
        }

        /// <summary>Maintenance drops a pending verification.</summary>
        [TestMethod]
        public static void MaintenanceDropsAPendingVerification()
        {
            PolicyDriver d = VerificationTests.StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            d.Policy.BeginMaintenance(60 * 60000, d.Now);
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(d.Unreachable, 100));
            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.PowerCycleRequested));
        }

        /// <summary>Reboot during maintenance is reported.</summary>
        [TestMethod]
        public static void RebootDuringMaintenanceIsReported()
        {
            PolicyDriver d = new PolicyDriver();
            d.Healthy();
            d.Policy.BeginMaintenance(0, d.Now);
            d.RouterRestarts();
            d.Healthy();
            Assert.AreEqual((int)DecisionCode.RouterRebootedOnItsOwn, (int)d.Log.Last.Code);
            Assert.AreEqual("during maintenance", d.Log.Last.Reason);
        }

        /// <summary>Uptime going backwards is reported as own reboot.</summary>
        [TestMethod]
        public static void UptimeGoingBackwardsIsReportedAsOwnReboot()
        {
            PolicyDriver d = new PolicyDriver();
            for (int i = 0; i < 10; i++)
            {
                d.Healthy();
            }

            d.RouterRestarts(5);
            Assert.AreEqual((int)PolicyAction.None, (int)d.Healthy());
            d.Log.AssertCodes(DecisionCode.RouterRebootedOnItsOwn);
        }

        /// <summary>Own reboot during a long silence is detected even when uptime grew past the old value.</summary>
        [TestMethod]
        public static void OwnRebootDuringALongSilenceIsDetectedEvenWhenUptimeGrewPastTheOldValue()
        {
            PolicyDriver d = new PolicyDriver();
            d.Uptime = 100;
            d.Healthy();

            // 20 minutes without usable answers, then an uptime of 10 minutes: larger than
            // 130 s, yet the router clearly started over.
            for (int i = 0; i < 40; i++)
            {
                d.UnreachableBy(ProbeFailure.LoginRejected); // answered, not counted
            }

            d.Uptime = 600 - 30;
            d.Healthy();
            Assert.AreEqual((int)DecisionCode.RouterRebootedOnItsOwn, (int)d.Log.Last.Code);
        }

        /// <summary>Uptime jitter is not a reboot.</summary>
        [TestMethod]
        public static void UptimeJitterIsNotAReboot()
        {
            PolicyDriver d = new PolicyDriver();
            TestRandom random = new TestRandom(7);
            for (int i = 0; i < 5000; i++)
            {
                // The uptime is read at some point during the probe: up to 15 s early or late.
                long jitter = random.Next(-15, 16);
                d.Round(s => TestConfigs.Healthy(s, d.Uptime + jitter));
            }

            Assert.AreEqual(0, d.Log.Count, d.Log.ToString());
        }

        /// <summary>Board outage never counts and restarts the hysteresis.</summary>
        [TestMethod]
        public static void BoardOutageNeverCountsAndRestartsTheHysteresis()
        {
            PolicyDriver d = new PolicyDriver();
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.InterfaceDown());
            }

            // Two hours without our own network: nothing is decided, nothing counts.
            int before = d.Log.Count;
            for (int i = 0; i < 240; i++)
            {
                d.Now += d.Interval;
                d.Policy.OnBoardNetworkDown(d.Now);
            }

            Assert.IsTrue(d.Policy.IsPaused);
            Assert.AreEqual(before, d.Log.Count);

            // The three rounds before the outage are forgotten: four fresh ones are needed.
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.InterfaceDown());
            }

            Assert.IsFalse(d.Policy.IsPaused);
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)d.InterfaceDown());
        }

        /// <summary>A router logged degraded before the board's own outage is logged restored by its first healthy round after it, and not degraded a second time while it stays unhealthy.</summary>
        [TestMethod]
        public static void DegradedBeforeABoardOutageIsRestoredOnceAfterIt()
        {
            PolicyDriver d = new PolicyDriver();
            d.InterfaceDown();
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.HealthDegraded));
            for (int i = 0; i < 10; i++)
            {
                d.Now += d.Interval;
                d.Policy.OnBoardNetworkDown(d.Now);
            }

            d.InterfaceDown();
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.HealthDegraded), "still the same incident");
            for (int i = 0; i < 5; i++)
            {
                d.Now += d.Interval;
                d.Policy.OnBoardNetworkDown(d.Now);
            }

            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.Healthy());
            }

            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.HealthRestored));
        }

        /// <summary>Board outage extends the verification deadline.</summary>
        [TestMethod]
        public static void BoardOutageExtendsTheVerificationDeadline()
        {
            PolicyDriver d = VerificationTests.StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            for (int i = 0; i < 5; i++)
            {
                d.Unreachable();
            }

            // An hour without our own network: T2 would long be over, but that time is not counted.
            for (int i = 0; i < 120; i++)
            {
                d.Now += d.Interval;
                d.Policy.OnBoardNetworkDown(d.Now);
            }

            PolicyAction action;
            int rounds = d.RoundsUntilAction(d.Unreachable, 100, out action);
            Assert.AreEqual((int)PolicyAction.PowerCycle, (int)action);
            Assert.AreEqual(15, rounds); // 20 rounds of T2, 5 of them before the outage
        }
    }
}
