using System.Collections;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy
{
    /// <summary>The brakes: rate limit, back-off, giving up, acknowledgement and the startup grace.</summary>
    [TestClass]
    public class LimitTests
    {
        /// <summary>Backoff doubles and is capped.</summary>
        [TestMethod]
        public static void BackoffDoublesAndIsCapped()
        {
            PolicyDriver d = new PolicyDriver();
            Assert.AreEqual(0L, d.Policy.BackoffAfter(0));
            Assert.AreEqual(15L * 60000, d.Policy.BackoffAfter(1));
            Assert.AreEqual(30L * 60000, d.Policy.BackoffAfter(2));
            Assert.AreEqual(60L * 60000, d.Policy.BackoffAfter(3));
            Assert.AreEqual(120L * 60000, d.Policy.BackoffAfter(4));
            Assert.AreEqual(120L * 60000, d.Policy.BackoffAfter(5));
            Assert.AreEqual(120L * 60000, d.Policy.BackoffAfter(1000));
        }

        /// <summary>Persistent problem reboots at most K times with growing gaps then gives up.</summary>
        [TestMethod]
        public static void PersistentProblemRebootsAtMostKTimesWithGrowingGapsThenGivesUp()
        {
            PolicyDriver d = new PolicyDriver();
            ArrayList actionTimes = new ArrayList();

            // Two days of an interface that no reboot fixes; every reboot really happens.
            for (int i = 0; i < 2 * 2880; i++)
            {
                PolicyAction action = d.InterfaceDown();
                if (action == PolicyAction.RebootViaApi)
                {
                    actionTimes.Add(d.Now);
                    d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
                    d.RouterRestarts();
                }

                Assert.AreNotEqual((int)PolicyAction.PowerCycle, (int)action);
            }

            Assert.AreEqual(3, actionTimes.Count);
            long first = (long)actionTimes[0];
            long second = (long)actionTimes[1];
            long third = (long)actionTimes[2];
            Assert.IsTrue(second - first >= 15 * 60000);
            Assert.IsTrue(third - second >= 30 * 60000);
            Assert.IsTrue(third - second > second - first);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)d.Policy.State);
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.GivenUp));

            // Still reporting: a reminder every hour since giving up.
            int reminders = d.Log.CountOf(DecisionCode.GivenUpReminder);
            Assert.IsTrue(reminders >= 40 && reminders <= 48, "reminders: " + reminders.ToString());
            Assert.AreEqual((int)RouterCondition.GivenUp, (int)d.Policy.Condition);
        }

        /// <summary>Acknowledge resumes watching.</summary>
        [TestMethod]
        public static void AcknowledgeResumesWatching()
        {
            PolicyDriver d = new PolicyDriver();
            d.RoundsUntilAnyAction(d.Unreachable, 20);
            d.Policy.OnPowerCycleDone(false, d.Now);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)d.Policy.State);

            // Days of problems while given up: nothing happens.
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(d.InterfaceDown, 3000));

            d.Policy.Acknowledge(d.Now);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)d.Policy.State);
            Assert.AreEqual(0, d.Policy.ActionsInWindow(d.Now));
            Assert.AreEqual((int)DecisionCode.GivenUpCleared, (int)d.Log.Last.Code);
            PolicyAction action;
            Assert.AreEqual(4, d.RoundsUntilAction(d.InterfaceDown, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
        }

        /// <summary>Long health resets the backoff.</summary>
        [TestMethod]
        public static void LongHealthResetsTheBackoff()
        {
            PolicyDriver d = new PolicyDriver();
            d.RoundsUntilAnyAction(d.InterfaceDown, 20);
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            d.RouterRestarts();
            d.Healthy();
            Assert.AreEqual(1, d.Policy.ConsecutiveActions);

            for (int i = 0; i < 120; i++)
            {
                d.Healthy();
            }

            Assert.AreEqual(1, d.Policy.ConsecutiveActions);
            d.Healthy(); // an hour after the first healthy round
            Assert.AreEqual(0, d.Policy.ConsecutiveActions);
        }

        /// <summary>No action during the startup grace.</summary>
        [TestMethod]
        public static void NoActionDuringTheStartupGrace()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.StartupGraceMilliseconds = 10 * 60000;
            PolicyDriver d = new PolicyDriver(config);
            long start = d.Now + d.Interval;
            PolicyAction action;
            Assert.AreEqual(21, d.RoundsUntilAction(d.InterfaceDown, 100, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            Assert.IsTrue(d.Now - start >= 10 * 60000);
            d.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.ActionDeferred, DecisionCode.RebootRequested);
            Assert.Contains("startup grace", d.Log.At(1).Reason);
        }

        /// <summary>Shipped defaults have a startup grace.</summary>
        [TestMethod]
        public static void ShippedDefaultsHaveAStartupGrace()
        {
            Assert.AreEqual(600000, new WatchdogConfig().StartupGraceMilliseconds);
        }
    }
}
