using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>
    /// The policy takes up a judgement kept across a board reset (<see cref="RouterPolicy.RestoreJudgement"/>):
    /// a board that restarts does not get a fresh rate limit. The store and the resets themselves:
    /// Persistence/ and Supervision/JudgementKeeperTests.
    /// </summary>
    [TestClass]
    public class ActionHistoryTests
    {
        private static RouterJudgement Kept(PolicyDriver d, int consecutive, params long[] agesMilliseconds)
        {
            RouterJudgement j = new RouterJudgement(d.Config.MaxActionsPerWindow);
            j.Name = "main";
            j.ConsecutiveActions = consecutive;
            for (int i = 0; i < agesMilliseconds.Length; i++)
            {
                j.AddAction(d.Now - agesMilliseconds[i]);
            }

            return j;
        }

        /// <summary>Three actions remembered from before the reset: the next one is refused (given up).</summary>
        [TestMethod]
        public static void RestoredActionsCountAgainstTheRateLimit()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.RestoreJudgement(Kept(d, 3, 60000, 1800000, 3600000), 0, d.Now);
            Assert.AreEqual(3, d.Policy.ActionsInWindow(d.Now));
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.ActionHistoryRestored));
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(d.CpuPegged, 200));
            Assert.AreEqual((int)PolicyState.GivenUp, (int)d.Policy.State);
        }

        /// <summary>Actions older than the window are dropped; the kept back-off count still sets the back-off.</summary>
        [TestMethod]
        public static void OldActionsAreDroppedRecentOnesBackOff()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.RestoreJudgement(Kept(d, 1, 7L * 3600000, 60000), 0, d.Now);
            Assert.AreEqual(1, d.Policy.ActionsInWindow(d.Now));
            Assert.AreEqual(1, d.Policy.ConsecutiveActions);

            // The first due action waits for the back-off after the remembered one (15 min).
            long start = d.Now;
            Assert.IsTrue(d.RoundsUntilAnyAction(d.CpuPegged, 200) > 0);
            Assert.IsTrue(d.Now - start >= 15 * 60000 - 60000);
        }

        /// <summary>What the policy exports is what it takes up: the round trip loses nothing.</summary>
        [TestMethod]
        public static void ExportedJudgementRestoresTheSameState()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.RestoreJudgement(Kept(d, 3, 60000, 1800000, 3600000), 0, d.Now);
            d.RoundsUntilAnyAction(d.CpuPegged, 200);
            RouterJudgement out1 = new RouterJudgement(3);
            d.Policy.ExportJudgement(out1, 777);
            Assert.IsTrue(out1.GivenUp);
            Assert.AreEqual(3, out1.ActionCount);

            PolicyDriver again = new PolicyDriver();
            again.Now = d.Now;
            again.Policy.RestoreJudgement(out1, 777, again.Now);
            RouterJudgement out2 = new RouterJudgement(3);
            again.Policy.ExportJudgement(out2, 777);
            Assert.IsTrue(out2.SameAs(out1));
            Assert.AreEqual((int)PolicyState.GivenUp, (int)again.Policy.State);
        }
    }
}
