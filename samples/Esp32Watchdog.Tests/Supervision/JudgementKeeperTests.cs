using Esp32Watchdog.Configuration;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>
    /// Judgement survives board resets, in virtual time: a reset is the watchdog rebuilt through
    /// WatchdogAssembly.Build over the same flash after a boot delay (<see cref="ResetRig"/>). The
    /// action budget (3 per 6 h) holds across resets, a brown-out at each relay switch included;
    /// GivenUp and holds survive; a forgotten hold flag does not renew its hold at every boot; a
    /// corrupt store is conservative and reported; relays are refused without a store unless
    /// volatile history is accepted.
    /// </summary>
    [TestClass]
    public class JudgementKeeperTests
    {
        private const long Minute = 60000;
        private const long Hour = 60 * Minute;

        /// <summary>A router dead for good whose relay browns the board out at every cut: 3 cuts, then given up, across every reset.</summary>
        [TestMethod]
        public static void BudgetHoldsWithABrownOutAtEveryRelaySwitch()
        {
            ResetRig r = new ResetRig();
            r.Router.StaysDead = true;
            r.BrownOutOnRelay = true;
            r.RunFor(24 * Hour);
            OutputHelper.WriteLine("dead router, brown-out per cut, 24 h: " + r.PowerCycles.ToString() + " power-cycles, " + r.Reboots.ToString() + " API reboots, " + r.Boots.ToString() + " boots, " + r.Flash.Writes.ToString() + " flash writes");
            Assert.IsTrue(r.MostActionsInAnyWindow(6 * Hour) <= 3);
            Assert.AreEqual(3, r.PowerCycles);
            Assert.IsTrue(r.Boots >= 4, "each cut reset the board");
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);
        }

        /// <summary>The same without a store (volatile accepted): every boot forgets, and the router is cut again and again.</summary>
        [TestMethod]
        public static void WithoutAStoreTheBrownOutLoopCutsAllDay()
        {
            ResetRig r = new ResetRig();
            r.Config.AcceptVolatileHistory = true;
            r.UseStore = false;
            r.Boot();
            r.Router.StaysDead = true;
            r.BrownOutOnRelay = true;
            r.RunFor(6 * Hour);
            OutputHelper.WriteLine("volatile history, dead router, brown-out per cut, 6 h: " + r.PowerCycles.ToString() + " power-cycles, " + r.Boots.ToString() + " boots");
            Assert.IsTrue(r.PowerCycles > 3, "the failure the store prevents");
        }

        /// <summary>A router that hangs again 20 min after each cut, the board reset every hour and at every cut: never more than 3 actions in 6 h.</summary>
        [TestMethod]
        public static void BudgetHoldsForAFlappingRouterWithHourlyResets()
        {
            ResetRig r = new ResetRig();
            r.BrownOutOnRelay = true;
            r.Router.ApiHung = true;
            int cuts = 0;
            long curedAt = r.World.NowMilliseconds;
            long nextReset = r.World.NowMilliseconds + Hour;
            long until = r.World.NowMilliseconds + 24 * Hour;
            while (r.World.NowMilliseconds < until)
            {
                r.Step();
                if (r.PowerCycles != cuts)
                {
                    cuts = r.PowerCycles;
                    curedAt = r.World.NowMilliseconds;
                }

                if (!r.Router.ApiHung && r.World.NowMilliseconds - curedAt > 20 * Minute)
                {
                    r.Router.ApiHung = true;
                }

                if (r.World.NowMilliseconds >= nextReset)
                {
                    r.Reset();
                    nextReset = r.World.NowMilliseconds + Hour;
                }
            }

            OutputHelper.WriteLine("flapping router, hourly resets, 24 h: " + r.PowerCycles.ToString() + " power-cycles, " + r.Boots.ToString() + " boots");
            Assert.IsTrue(r.MostActionsInAnyWindow(6 * Hour) <= 3);
            Assert.IsTrue(r.PowerCycles >= 1);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);
        }

        /// <summary>GivenUp stays across resets until a human acknowledges; the acknowledgement is kept too.</summary>
        [TestMethod]
        public static void GivenUpSurvivesResets()
        {
            ResetRig r = new ResetRig();
            r.Router.StaysDead = true;
            r.RunFor(12 * Hour);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);
            int actions = r.ActionTimes.Count;

            r.RunFor(12 * Hour, Hour);
            Assert.IsTrue(r.Boots >= 12);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.AreEqual(actions, r.ActionTimes.Count);
            Assert.Contains("still given up", r.Log.LastOf(DecisionCode.ActionHistoryRestored).Reason);

            r.Router.StaysDead = false;
            r.Supervisor.AcknowledgeAll();
            r.Reset();
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
        }

        /// <summary>A hold survives a reset and ends after its length of board uptime (the time off does not count, nor the uptime after the last write).</summary>
        [TestMethod]
        public static void HoldSurvivesAReset()
        {
            ResetRig r = new ResetRig();
            r.RunFor(5 * Minute);
            r.Supervisor.BeginMaintenance(0, 60 * Minute);
            r.RunFor(20 * Minute);
            r.BootDelayMilliseconds = 5 * 60000;
            r.Reset();
            Assert.AreEqual((int)PolicyState.Maintenance, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.Contains("maintenance hold", r.Log.LastOf(DecisionCode.ActionHistoryRestored).Reason);

            // 40 min of the hold were left; the uptime since the last write before the reset (at
            // most one checkpoint, 10 min) is lost, so the hold runs up to that much longer.
            r.RunFor(39 * Minute);
            Assert.AreEqual((int)PolicyState.Maintenance, (int)r.Supervisor.GetRouter(0).Policy.State);
            r.RunFor(12 * Minute);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.Contains("expired", r.Log.LastOf(DecisionCode.MaintenanceEnded).Reason);
        }

        /// <summary>A forgotten watchdog-hold script starts one hold, not one per boot.</summary>
        [TestMethod]
        public static void ForgottenHoldFlagDoesNotRenewAtBoot()
        {
            ResetRig r = ForgottenFlag(true);
            Assert.AreEqual(1, r.Log.CountOf(DecisionCode.MaintenanceStarted));
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);

            // Removed and added again: a new request, honoured.
            r.Router.HoldFlag = false;
            r.RunFor(2 * Minute);
            r.Router.HoldFlag = true;
            r.RunFor(2 * Minute);
            Assert.AreEqual(2, r.Log.CountOf(DecisionCode.MaintenanceStarted));
        }

        /// <summary>The same in RAM only: each boot sees the flag as new and renews the hold (what the kept edge prevents).</summary>
        [TestMethod]
        public static void WithoutAStoreAForgottenFlagRenewsAtEveryBoot()
        {
            ResetRig r = ForgottenFlag(false);
            Assert.AreEqual(2, r.Log.CountOf(DecisionCode.MaintenanceStarted));
        }

        private static ResetRig ForgottenFlag(bool store)
        {
            ResetRig r = new ResetRig();
            if (!store)
            {
                r.Config.AcceptVolatileHistory = true;
                r.UseStore = false;
                r.Boot();
            }

            r.Router.HoldFlag = true;
            r.Router.HoldFlagMinutes = 30;
            r.RunFor(40 * Minute);
            Assert.AreEqual(1, r.Log.CountOf(DecisionCode.MaintenanceStarted));
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
            r.Reset();
            r.RunFor(10 * Minute);
            return r;
        }

        /// <summary>The button ends only the holds it started: a flag's hold runs on.</summary>
        [TestMethod]
        public static void ButtonEndsOnlyItsOwnHolds()
        {
            ManualClock clock = new ManualClock { NowMilliseconds = 10000 };
            WatchdogConfig config = TestConfigs.Valid(26);
            RouterConfig second = TestConfigs.Valid(27).Routers[0];
            second.Name = "edge";
            config.Routers = new RouterConfig[] { config.Routers[0], second };
            Assert.IsNull(config.Validate());
            SimRouter flagged = new SimRouter(clock);
            SimRouter plain = new SimRouter(clock);
            flagged.HoldFlag = true;
            WatchdogBoard board = new WatchdogBoard { Clock = clock, Led = new FakeLed(), Network = new FakeNetwork(), Relays = new IPowerRelay[] { flagged, plain }, PortKnock = new FixedKnock(PortAnswer.Silent) };
            WatchdogSupervisor s = WatchdogAssembly.Build(config, board, new IRouterKind[] { new FixedKind(new IRouterProbe[] { flagged, plain }, new IRouterRebooter[] { flagged, plain }) }, new RecordingLog()).Supervisor;
            Assert.IsNull(s.AttachHistory(new FlashHistoryStore(new FakeFlashFiles(), config)));
            s.Tick();
            Assert.IsTrue(s.GetRouter(0).Policy.IsHeldByFlag);

            s.OnButton(ButtonGesture.Maintenance);
            Assert.AreEqual((int)PolicyState.Maintenance, (int)s.GetRouter(1).Policy.State);
            s.OnButton(ButtonGesture.Maintenance);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)s.GetRouter(1).Policy.State);
            Assert.IsTrue(s.GetRouter(0).Policy.IsHeldByFlag, "the flag's hold is not the button's to end");
        }

        /// <summary>Both copies corrupt: reported (decision, /status), and no action for a window: an unhealthy router is given up, never rebooted.</summary>
        [TestMethod]
        public static void CorruptStoreIsConservativeAndReported()
        {
            ResetRig r = new ResetRig();
            r.RunFor(30 * Minute);
            r.Flash.FlipBit(FlashHistoryStore.FirstFile, 25);
            r.Flash.FlipBit(FlashHistoryStore.SecondFile, 25);
            r.Reset();
            Assert.IsNotNull(r.Log.LastOf(DecisionCode.ActionHistoryUnreadable));
            Assert.AreEqual("unreadable", r.Watchdog.Status.History);
            ByteWriter w = new ByteWriter(4096);
            new StatusJson(w).Write(r.Watchdog.Status, -1);
            Assert.Contains("\"history\":\"unreadable\"", w.ToString());

            r.Router.CpuLoad = 100;
            r.RunFor(5 * Hour);
            Assert.AreEqual(0, r.Reboots + r.PowerCycles);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);

            // The conservative judgement was written back: a further reset keeps it (and now reads a valid copy).
            r.Reset();
            Assert.AreEqual("kept", r.Watchdog.Status.History);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);
        }

        /// <summary>Relays without a working store are refused, and no action is taken, unless volatile history is accepted.</summary>
        [TestMethod]
        public static void RelaysAreRefusedWithoutAStore()
        {
            ResetRig r = new ResetRig();
            r.UseStore = false;
            r.Boot();
            Assert.IsNotNull(r.AttachResult);
            Assert.Contains("AcceptVolatileHistory", r.AttachResult);
            r.Router.CpuLoad = 100;
            r.RunFor(2 * Hour);
            Assert.AreEqual(0, r.Reboots + r.PowerCycles);

            r.Flash.DriveMissing = true;
            r.UseStore = true;
            r.Boot();
            Assert.Contains("not working", r.AttachResult);
            Assert.AreEqual(r.AttachResult, JudgementKeeper.Refusal(r.Config, new FlashHistoryStore(r.Flash, r.Config), true));

            r.Config.AcceptVolatileHistory = true;
            r.Boot();
            Assert.IsNull(r.AttachResult);
            Assert.AreEqual("volatile", r.Watchdog.Status.History);
            r.RunFor(30 * Minute);
            Assert.AreEqual(1, r.Reboots);

            // Without a relay nothing can loop the router's power: no store is needed.
            WatchdogConfig noRelay = TestConfigs.Valid(-1);
            Assert.IsNull(JudgementKeeper.Refusal(noRelay, null, false));
        }

        /// <summary>Each action is on flash before it is taken: the API reboot before it is sent, the fallback cut before the relay switches.</summary>
        [TestMethod]
        public static void EachActionIsOnFlashBeforeItIsTaken()
        {
            ResetRig r = new ResetRig();
            r.Router.CpuLoad = 100;
            r.RunFor(20 * Minute);
            Assert.AreEqual(1, r.Reboots);
            Assert.AreEqual(1, r.KeptActionsWhenActing);

            // A reboot the router does not answer: the fallback power-cut is a second kept action.
            r.Router.StaysDead = true;
            r.RunFor(3 * Hour);
            Assert.IsTrue(r.PowerCycles >= 1);
            Assert.AreEqual(r.Reboots + r.PowerCycles, r.KeptActionsWhenActing);
        }

        /// <summary>A store that stops writing: the action that cannot be kept is not taken; the router is given up and the board says why.</summary>
        [TestMethod]
        public static void ActionThatCannotBeKeptIsNotTaken()
        {
            ResetRig r = new ResetRig();
            r.RunFor(20 * Minute);
            r.Flash.FailWrites = true;
            r.Router.CpuLoad = 100;
            r.RunFor(30 * Minute);
            Assert.AreEqual(0, r.Reboots + r.PowerCycles);
            Assert.IsNotNull(r.Log.LastOf(DecisionCode.ActionHistoryWriteFailed));
            Assert.AreEqual("failing", r.Watchdog.Status.History);
            Assert.Contains("cannot be written", r.Log.LastOf(DecisionCode.GivenUp).Reason);
        }

        /// <summary>Flash wear of a quiet day: one write per checkpoint (10 min), nothing per round.</summary>
        [TestMethod]
        public static void QuietDayWritesOncePerCheckpoint()
        {
            ResetRig r = new ResetRig();
            int before = r.Flash.Writes;
            r.RunFor(24 * Hour);
            int writes = r.Flash.Writes - before;
            OutputHelper.WriteLine("healthy router, 24 h: " + writes.ToString() + " flash writes");
            Assert.IsTrue(writes >= 140 && writes <= 150, writes.ToString());
        }
    }
}
