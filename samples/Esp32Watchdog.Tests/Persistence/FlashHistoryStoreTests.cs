using Esp32Watchdog.Configuration;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Persistence
{
    /// <summary>
    /// The store on flash under nanoFramework's file rules: two copies written in turn, the newest
    /// valid one read back, a torn write never loses the previous copy, a store with no valid copy
    /// is read as "every budget just spent" and rewritten so, and a flash that cannot be written
    /// is not a working store.
    /// </summary>
    [TestClass]
    public class FlashHistoryStoreTests
    {
        private static WatchdogConfig TwoRouters()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            RouterConfig second = TestConfigs.Valid(27).Routers[0];
            second.Name = "edge";
            config.Routers = new RouterConfig[] { config.Routers[0], second };
            return config;
        }

        private static RouterJudgement[] Judgements(WatchdogConfig config)
        {
            RouterJudgement[] all = new RouterJudgement[config.Routers.Length];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = new RouterJudgement(config.MaxActionsPerWindow);
                all[i].Name = config.Routers[i].Name;
            }

            return all;
        }

        /// <summary>A new flash: fresh, set up (written once), nothing to find.</summary>
        [TestMethod]
        public static void NewFlashIsFreshAndSetUp()
        {
            FakeFlashFiles flash = new FakeFlashFiles();
            FlashHistoryStore store = new FlashHistoryStore(flash, TwoRouters());
            Assert.AreEqual((int)HistoryCondition.Fresh, (int)store.Open());
            Assert.AreEqual(1, flash.Writes);
            Assert.IsNull(store.Find("main"));
            Assert.AreEqual(0L, store.KeptLifetimeMilliseconds);

            // Open answers once.
            Assert.AreEqual((int)HistoryCondition.Fresh, (int)store.Open());
            Assert.AreEqual(1, flash.Writes);
        }

        /// <summary>Writes alternate between the two files; the newer copy is read back, found by name.</summary>
        [TestMethod]
        public static void WritesAlternateAndTheNewestIsReadBack()
        {
            WatchdogConfig config = TwoRouters();
            FakeFlashFiles flash = new FakeFlashFiles();
            FlashHistoryStore store = new FlashHistoryStore(flash, config);
            store.Open();
            RouterJudgement[] all = Judgements(config);
            all[1].GivenUp = true;
            Assert.IsTrue(store.Write(all, 1000));
            all[0].AddAction(1500);
            Assert.IsTrue(store.Write(all, 2000));
            Assert.IsTrue(flash.Exists(FlashHistoryStore.FirstFile));
            Assert.IsTrue(flash.Exists(FlashHistoryStore.SecondFile));
            Assert.AreNotEqual(flash.Content(FlashHistoryStore.FirstFile).Length, flash.Content(FlashHistoryStore.SecondFile).Length);

            // The next boot, with the routers in the other order.
            WatchdogConfig reordered = TwoRouters();
            reordered.Routers = new RouterConfig[] { config.Routers[1], config.Routers[0] };
            FlashHistoryStore after = new FlashHistoryStore(flash, reordered);
            Assert.AreEqual((int)HistoryCondition.Restored, (int)after.Open());
            Assert.AreEqual(2000L, after.KeptLifetimeMilliseconds);
            Assert.IsTrue(after.Find("edge").GivenUp);
            Assert.IsFalse(after.Find("main").GivenUp);
            Assert.AreEqual(1, after.Find("main").ActionCount);
            Assert.AreEqual(1500L, after.Find("main").ActionTimes[0]);
        }

        /// <summary>A reset in the middle of a write (FileMode.Create truncates first) leaves the previous copy, which is read back.</summary>
        [TestMethod]
        public static void TornWriteKeepsThePreviousCopy()
        {
            WatchdogConfig config = TwoRouters();
            FakeFlashFiles flash = new FakeFlashFiles();
            FlashHistoryStore store = new FlashHistoryStore(flash, config);
            store.Open();
            RouterJudgement[] all = Judgements(config);
            all[0].AddAction(100);
            Assert.IsTrue(store.Write(all, 1000));
            all[0].AddAction(200);
            flash.TearNextWriteAfter = 9;
            Assert.IsFalse(store.Write(all, 2000));
            Assert.IsNotNull(store.Problem);

            FlashHistoryStore after = new FlashHistoryStore(flash, config);
            Assert.AreEqual((int)HistoryCondition.Restored, (int)after.Open());
            Assert.AreEqual(1000L, after.KeptLifetimeMilliseconds);
            Assert.AreEqual(1, after.Find("main").ActionCount);

            // And the next write goes to the torn file again, not over the good copy.
            all[0].AddAction(300);
            Assert.IsTrue(after.Write(all, 3000));
            FlashHistoryStore third = new FlashHistoryStore(flash, config);
            Assert.AreEqual((int)HistoryCondition.Restored, (int)third.Open());
            Assert.AreEqual(3000L, third.KeptLifetimeMilliseconds);
        }

        /// <summary>No valid copy: every router as if its whole budget had just been spent, written back at once.</summary>
        [TestMethod]
        public static void NoValidCopyIsReadAsEveryBudgetSpent()
        {
            WatchdogConfig config = TwoRouters();
            FakeFlashFiles flash = new FakeFlashFiles();
            FlashHistoryStore store = new FlashHistoryStore(flash, config);
            store.Open();
            Assert.IsTrue(store.Write(Judgements(config), 5000));
            flash.FlipBit(FlashHistoryStore.FirstFile, 30);
            flash.FlipBit(FlashHistoryStore.SecondFile, 30);

            FlashHistoryStore after = new FlashHistoryStore(flash, config);
            Assert.AreEqual((int)HistoryCondition.Unreadable, (int)after.Open());
            Assert.Contains("checksum", after.Problem);
            RouterJudgement main = after.Find("main");
            Assert.AreEqual(config.MaxActionsPerWindow, main.ActionCount);
            Assert.AreEqual(config.MaxActionsPerWindow, main.ConsecutiveActions);
            Assert.AreEqual(0L, main.ActionTimes[0]);
            Assert.AreEqual(config.MaxActionsPerWindow, after.Find("edge").ActionCount);

            // Written so: a further reset reads the same conservative judgement back as valid.
            FlashHistoryStore third = new FlashHistoryStore(flash, config);
            Assert.AreEqual((int)HistoryCondition.Restored, (int)third.Open());
            Assert.AreEqual(config.MaxActionsPerWindow, third.Find("main").ActionCount);
        }

        /// <summary>One file of another format (a future version), the other missing: unreadable, not fresh.</summary>
        [TestMethod]
        public static void UnknownVersionIsUnreadableNotFresh()
        {
            WatchdogConfig config = TwoRouters();
            FakeFlashFiles flash = new FakeFlashFiles();
            FlashHistoryStore store = new FlashHistoryStore(flash, config);
            store.Open();
            byte[] copy = flash.Content(FlashHistoryStore.FirstFile);
            copy[4] = 9;
            flash.Put(FlashHistoryStore.FirstFile, copy);
            FlashHistoryStore after = new FlashHistoryStore(flash, config);
            Assert.AreEqual((int)HistoryCondition.Unreadable, (int)after.Open());
            Assert.Contains("version 9", after.Problem);
        }

        /// <summary>No drive, or a flash that refuses writes: not a working store, with the reason.</summary>
        [TestMethod]
        public static void UnwritableFlashIsNotWorking()
        {
            FakeFlashFiles none = new FakeFlashFiles();
            none.DriveMissing = true;
            FlashHistoryStore store = new FlashHistoryStore(none, TwoRouters());
            Assert.AreEqual((int)HistoryCondition.NotWorking, (int)store.Open());
            Assert.Contains("IOException", store.Problem);

            FakeFlashFiles full = new FakeFlashFiles();
            full.FailWrites = true;
            Assert.AreEqual((int)HistoryCondition.NotWorking, (int)new FlashHistoryStore(full, TwoRouters()).Open());
        }
    }
}
