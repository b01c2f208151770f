using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The action budget alone: the sliding window, the back-off and the restored history.</summary>
    [TestClass]
    public class ActionBudgetTests
    {
        private const long Minute = 60000;
        private const long Hour = 60 * Minute;

        /// <summary>K actions exhaust the window until the oldest leaves it.</summary>
        [TestMethod]
        public static void KActionsExhaustTheWindowUntilTheOldestLeaves()
        {
            WatchdogConfig config = TestConfigs.Valid();
            ActionBudget b = new ActionBudget(config);
            b.Record(0);
            b.Record(Hour);
            Assert.IsFalse(b.IsExhausted(Hour));
            b.Record(2 * Hour);
            Assert.AreEqual(3, b.ActionsInWindow(2 * Hour));
            Assert.IsTrue(b.IsExhausted(2 * Hour));

            // The window is 6 h and open at its start: the first action leaves it at exactly 6 h.
            Assert.IsTrue(b.IsExhausted((6 * Hour) - 1));
            Assert.IsFalse(b.IsExhausted(6 * Hour));
            Assert.AreEqual(2, b.ActionsInWindow(6 * Hour));
        }

        /// <summary>A new action replaces the oldest one.</summary>
        [TestMethod]
        public static void NewActionReplacesTheOldest()
        {
            ActionBudget b = new ActionBudget(TestConfigs.Valid());
            b.Record(0);
            b.Record(Hour);
            b.Record(2 * Hour);
            b.Record(3 * Hour);
            Assert.AreEqual(3, b.ActionsInWindow(3 * Hour));

            // Had another slot been replaced, the action at 0 would still be there and 1 h gone.
            Assert.AreEqual(2, b.ActionsInWindow((7 * Hour) + 1));
        }

        /// <summary>The back-off doubles with each consecutive action and is capped.</summary>
        [TestMethod]
        public static void BackoffDoublesAndIsCapped()
        {
            ActionBudget b = new ActionBudget(TestConfigs.Valid());
            Assert.AreEqual(0L, b.BackoffAfter(0));
            Assert.AreEqual(15 * Minute, b.BackoffAfter(1));
            Assert.AreEqual(60 * Minute, b.BackoffAfter(3));
            Assert.AreEqual(120 * Minute, b.BackoffAfter(50));
        }

        /// <summary>The back-off left counts down from the last action; forgiving restarts it from the base.</summary>
        [TestMethod]
        public static void BackoffLeftCountsDownFromTheLastAction()
        {
            ActionBudget b = new ActionBudget(TestConfigs.Valid());
            Assert.AreEqual(0L, b.BackoffLeft(0));
            b.Record(0);
            Assert.AreEqual(15 * Minute, b.BackoffLeft(0));
            Assert.AreEqual(Minute, b.BackoffLeft(14 * Minute));
            Assert.AreEqual(0L, b.BackoffLeft(15 * Minute));

            b.Record(Hour);
            Assert.AreEqual(2, b.ConsecutiveActions);
            Assert.AreEqual(30 * Minute, b.BackoffLeft(Hour));

            b.Forgive();
            Assert.AreEqual(0, b.ConsecutiveActions);
            Assert.AreEqual(0L, b.BackoffLeft(Hour));
            Assert.AreEqual(2, b.ActionsInWindow(Hour));
        }

        /// <summary>Clear empties the window and forgives.</summary>
        [TestMethod]
        public static void ClearEmptiesTheWindow()
        {
            ActionBudget b = new ActionBudget(TestConfigs.Valid());
            b.Record(0);
            b.Record(1);
            b.Record(2);
            b.Clear();
            Assert.AreEqual(0, b.ActionsInWindow(3));
            Assert.AreEqual(0, b.ConsecutiveActions);
        }

        /// <summary>Kept actions count when recent; those older than the window are ignored; a time later than now counts as now; the back-off count is taken as kept.</summary>
        [TestMethod]
        public static void RestoredActionsCountWhenRecent()
        {
            ActionBudget b = new ActionBudget(TestConfigs.Valid());
            long now = 10 * Hour;
            RouterJudgement kept = new RouterJudgement(3);
            kept.AddAction(now - Hour + 500);
            kept.AddAction(now - 6 * Hour + 500);
            kept.AddAction(now + 5 + 500);
            kept.ConsecutiveActions = 2;

            // Kept on the board's lifetime, 500 ms ahead of this boot's monotonic clock.
            b.RestoreFrom(kept, 500, now);
            Assert.AreEqual(2, b.ActionsInWindow(now));
            Assert.AreEqual(2, b.ConsecutiveActions);

            // The newest kept action (counted as now) drives the back-off after two actions: 30 min.
            Assert.AreEqual(30 * Minute, b.BackoffLeft(now));

            RouterJudgement back = new RouterJudgement(3);
            b.ExportTo(back, 500);
            Assert.AreEqual(2, back.ActionCount);
            Assert.AreEqual(2, back.ConsecutiveActions);
        }
    }
}
