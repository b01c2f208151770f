using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>
    /// The action history survives a board reset through an <see cref="IActionHistoryStore"/>: a
    /// board that restarts does not get a fresh rate limit.
    /// </summary>
    [TestClass]
    public class ActionHistoryTests
    {
        /// <summary>An in-memory store standing in for the board's flash.</summary>
        internal sealed class MemoryStore : IActionHistoryStore
        {
            public readonly long[] Ages = new long[8];
            public int Count;
            public int Recorded;
            public bool Throw;

            public int Load(int routerIndex, long[] agesMilliseconds)
            {
                int n = 0;
                for (; n < Count && n < agesMilliseconds.Length; n++)
                {
                    agesMilliseconds[n] = Ages[n];
                }

                return n;
            }

            public void Record(int routerIndex)
            {
                Recorded++;
                if (Throw)
                {
                    throw new System.Exception("flash full");
                }
            }
        }

        /// <summary>Three actions remembered from before the reset: the next one is refused (given up).</summary>
        [TestMethod]
        public static void RestoredActionsCountAgainstTheRateLimit()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.RestoreActions(new long[] { 60000, 1800000, 3600000 }, 3, d.Now);
            Assert.AreEqual(3, d.Policy.ActionsInWindow(d.Now));
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(d.CpuPegged, 200));
            Assert.AreEqual((int)PolicyState.GivenUp, (int)d.Policy.State);
        }

        /// <summary>Actions older than the window are dropped; recent ones still set the back-off.</summary>
        [TestMethod]
        public static void OldActionsAreDroppedRecentOnesBackOff()
        {
            PolicyDriver d = new PolicyDriver();
            d.Policy.RestoreActions(new long[] { 7L * 3600000, 60000 }, 2, d.Now);
            Assert.AreEqual(1, d.Policy.ActionsInWindow(d.Now));
            Assert.AreEqual(1, d.Policy.ConsecutiveActions);

            // The first due action waits for the back-off after the remembered one (15 min).
            long start = d.Now;
            Assert.IsTrue(d.RoundsUntilAnyAction(d.CpuPegged, 200) > 0);
            Assert.IsTrue(d.Now - start >= 15 * 60000 - 60000);
        }

        /// <summary>The supervisor restores from the store and records each action in it.</summary>
        [TestMethod]
        public static void SupervisorRestoresAndRecords()
        {
            SupervisorRig r = new SupervisorRig(true);
            MemoryStore store = new MemoryStore();
            store.Count = 0;
            r.Supervisor.AttachHistory(store);
            Assert.AreEqual(0, r.Log.CountOf(DecisionCode.ActionHistoryRestored));

            r.Router.CpuLoad = 100;
            r.RunFor(30);
            Assert.AreEqual(1, r.Router.Reboots);
            Assert.AreEqual(1, store.Recorded);

            SupervisorRig after = new SupervisorRig(true);
            store.Count = 3;
            after.Supervisor.AttachHistory(store);
            Assert.AreEqual(1, after.Log.CountOf(DecisionCode.ActionHistoryRestored));
            after.Router.CpuLoad = 100;
            after.RunFor(60);
            Assert.AreEqual(0, after.Router.Reboots + after.Router.PowerCycles);
            Assert.AreEqual(1, after.Log.CountOf(DecisionCode.GivenUp));
        }

        /// <summary>A failing store never stops an action.</summary>
        [TestMethod]
        public static void FailingStoreDoesNotStopTheAction()
        {
            SupervisorRig r = new SupervisorRig(true);
            MemoryStore store = new MemoryStore();
            store.Throw = true;
            r.Supervisor.AttachHistory(store);
            r.Router.CpuLoad = 100;
            r.RunFor(30);
            Assert.AreEqual(1, r.Router.Reboots);
        }
    }
}
