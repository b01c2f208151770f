using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using Esp32Watchdog.Wiring;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>The supervisor's main loop in virtual time over a simulated router: probing, acting, pausing, the LED.</summary>
    [TestClass]
    public class WatchdogSupervisorTests
    {
        /// <summary>CPU pegged router is rebooted through the API and recovers.</summary>
        [TestMethod]
        public static void CpuPeggedRouterIsRebootedThroughTheApiAndRecovers()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.RunFor(30);
            Assert.AreEqual(0, r.Log.Count);
            Assert.AreEqual(FakeLed.Of(LedPattern.Healthy), r.Led.Sequence());

            r.Router.CpuLoad = 100;
            r.RunFor(30);

            r.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified);
            Assert.AreEqual(1, r.Router.Reboots);
            Assert.AreEqual(0, r.Router.PowerCycles);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.AreEqual(FakeLed.Of(LedPattern.Healthy, LedPattern.Degraded, LedPattern.Acting, LedPattern.Healthy), r.Led.Sequence());

            // And then it stays quiet.
            r.RunFor(240);
            Assert.AreEqual(4, r.Log.Count);
        }

        /// <summary>Dead API is power cycled through the relay and recovers.</summary>
        [TestMethod]
        public static void DeadApiIsPowerCycledThroughTheRelayAndRecovers()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.RunFor(10);
            r.Router.ApiHung = true;
            r.RunFor(30);

            r.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified);
            Assert.AreEqual(0, r.Router.Reboots);
            Assert.AreEqual(1, r.Router.PowerCycles);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.Contains("API unreachable (timeout)", r.Log.At(1).Reason);
            Assert.AreEqual((int)LedPattern.Healthy, (int)r.Supervisor.LedPattern);
            Assert.IsTrue(r.Led.HasShown(LedPattern.Acting));
        }

        /// <summary>Dead API without relay is reported not acted on.</summary>
        [TestMethod]
        public static void DeadApiWithoutRelayIsReportedNotActedOn()
        {
            SupervisorRig r = new SupervisorRig(false);
            r.Router.ApiHung = true;
            r.RunFor(600);
            r.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.ActionImpossible);
            Assert.AreEqual(0, r.Router.Reboots);
        }

        /// <summary>Board network outage pauses probing and never counts.</summary>
        [TestMethod]
        public static void BoardNetworkOutagePausesProbingAndNeverCounts()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.RunFor(5);
            int probes = r.Router.Probes;

            r.Network.IsUp = false;
            r.Router.ApiHung = true; // would look dead, but we cannot see it
            r.RunFor(120);
            Assert.AreEqual(probes, r.Router.Probes);
            Assert.AreEqual((int)LedPattern.NoNetwork, (int)r.Supervisor.LedPattern);

            r.Router.ApiHung = false;
            r.Network.IsUp = true;
            r.RunFor(60);
            r.Log.AssertCodes(DecisionCode.BoardNetworkDown, DecisionCode.BoardNetworkUp);
            Assert.AreEqual(Decision.Board, r.Log.At(0).RouterIndex);
            Assert.AreEqual((int)LedPattern.Healthy, (int)r.Supervisor.LedPattern);
        }

        /// <summary>Network lost during a probe discards the round.</summary>
        [TestMethod]
        public static void NetworkLostDuringAProbeDiscardsTheRound()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.RunFor(2);
            r.Router.ApiHung = true;

            // The network drops while each probe runs, comes back before the next tick.
            for (int i = 0; i < 200; i++)
            {
                r.Network.IsUp = true;
                int wait = r.Supervisor.Tick();
                r.Network.IsUp = false;
                r.Supervisor.Tick();
                r.Clock.Advance(wait < 1 ? 1 : wait);
            }

            Assert.AreEqual(0, r.Router.PowerCycles);
            Assert.AreEqual(0, r.Log.CountOf(DecisionCode.PowerCycleRequested));
        }

        /// <summary>Throwing probe is a probe problem not an outage.</summary>
        [TestMethod]
        public static void ThrowingProbeIsAProbeProblemNotAnOutage()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Router.ThrowInProbe = true;
            r.RunFor(600);
            Assert.AreEqual(1, r.Log.CountOf(DecisionCode.ProbeProblem));
            Assert.AreEqual(1, r.Log.CountOf(DecisionCode.Blind));
            Assert.AreEqual(r.Log.Count - 2, r.Log.CountOf(DecisionCode.BlindReminder));
            Assert.AreEqual(0, r.Router.PowerCycles + r.Router.Reboots);
        }

        /// <summary>Maintenance hold through the supervisor.</summary>
        [TestMethod]
        public static void MaintenanceHoldThroughTheSupervisor()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Supervisor.BeginMaintenance(0, 60 * 60000);
            r.Router.ApiHung = true;
            r.RunFor(59);
            Assert.AreEqual(0, r.Router.PowerCycles);
            Assert.AreEqual((int)LedPattern.Maintenance, (int)r.Supervisor.LedPattern);
            r.Supervisor.EndMaintenance(0);
            r.RunFor(30);
            Assert.AreEqual(1, r.Router.PowerCycles);
        }

        /// <summary>Given up router needs acknowledgement.</summary>
        [TestMethod]
        public static void GivenUpRouterNeedsAcknowledgement()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Router.ApiHung = true;

            // A router that dies again right after every power-cycle.
            for (int i = 0; i < 48 * 120; i++)
            {
                r.Step();
                if (r.Router.PowerCycles > 0 && !r.Router.ApiHung && r.Supervisor.GetRouter(0).Policy.State == PolicyState.Monitoring)
                {
                    r.Router.ApiHung = true;
                }
            }

            Assert.AreEqual(3, r.Router.PowerCycles);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.AreEqual((int)LedPattern.GivenUp, (int)r.Supervisor.LedPattern);
            Assert.IsTrue(r.Log.CountOf(DecisionCode.GivenUpReminder) > 0);

            r.Supervisor.AcknowledgeAll();
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
            r.RunFor(30);
            Assert.AreEqual(4, r.Router.PowerCycles);
        }

        /// <summary>Main loop feeds the board watchdog even through long actions.</summary>
        [TestMethod]
        public static void MainLoopFeedsTheBoardWatchdogEvenThroughLongActions()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Router.ApiHung = true;
            for (int i = 0; i < 4 * 120; i++)
            {
                r.Step();
                Assert.IsFalse(r.BoardWatchdog.Check());
            }

            Assert.IsTrue(r.Router.PowerCycles > 0);
            Assert.AreEqual(0, r.BoardReset.Calls);
        }

        /// <summary>Broken relay gives up.</summary>
        [TestMethod]
        public static void BrokenRelayGivesUp()
        {
            FakeRelay relay = new FakeRelay { Throw = true };
            SupervisorRig r = new SupervisorRig(true, relay);
            r.Router.ApiHung = true;
            r.RunFor(120);
            Assert.AreEqual(1, relay.Calls);
            Assert.AreEqual(30000, relay.LastOffMilliseconds);
            r.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleFailed, DecisionCode.GivenUp, DecisionCode.GivenUpReminder);
        }

        /// <summary>One sick router does not disturb the other.</summary>
        [TestMethod]
        public static void OneSickRouterDoesNotDisturbTheOther()
        {
            SupervisorRig r = new SupervisorRig(true);
            WatchdogConfig config = TestConfigs.Valid();
            RouterConfig second = new RouterConfig
            {
                Name = "branch",
                Host = "192.0.2.2",
                UseTls = false,
                AllowPlaintext = true,
                Port = RouterConfig.ApiPort,
                User = "wd",
                Password = "pw",
                RelayGpioPin = 27,
            };
            config.Routers = new RouterConfig[] { config.Routers[0], second };
            Assert.IsNull(config.Validate());
            SimRouter a = new SimRouter(r.Clock);
            SimRouter b = new SimRouter(r.Clock);
            WatchdogBoard board = new WatchdogBoard { Clock = r.Clock, Led = r.Led, Network = r.Network, Relays = new IPowerRelay[] { a, b }, PortKnock = new FixedKnock(PortAnswer.Silent) };
            r.Supervisor = WatchdogAssembly.Build(config, board, new IRouterKind[] { new FixedKind(new IRouterProbe[] { a, b }, new IRouterRebooter[] { a, b }) }, r.Log).Supervisor;

            b.CpuLoad = 100;
            r.RunFor(60);
            Assert.AreEqual(0, a.Reboots + a.PowerCycles);
            Assert.AreEqual(1, b.Reboots);
            Assert.IsTrue(r.Log.Count > 0);
            for (int i = 0; i < r.Log.Count; i++)
            {
                Assert.AreEqual(1, r.Log.At(i).RouterIndex);
                Assert.AreEqual("branch", r.Log.At(i).RouterName);
            }
        }

        /// <summary>The assembly refuses relays that do not match the routers, and a router of an unknown kind.</summary>
        [TestMethod]
        public static void RejectsMismatchedRelaysAndUnknownKinds()
        {
            WatchdogConfig config = TestConfigs.Valid();
            ManualClock clock = new ManualClock();
            SimRouter router = new SimRouter(clock);
            IRouterKind[] kinds = new IRouterKind[] { new FixedKind(new IRouterProbe[] { router }, new IRouterRebooter[] { router }) };
            WatchdogBoard board = new WatchdogBoard { Clock = clock, Led = new FakeLed(), Network = new FakeNetwork(), Relays = new IPowerRelay[2], PortKnock = new FixedKnock(PortAnswer.Silent) };
            Assert.ThrowsException(typeof(ArgumentException), () => WatchdogAssembly.Build(config, board, kinds, null));
            board.Relays = null;
            config.Routers[0].Kind = "openwrt";
            Assert.ThrowsException(typeof(ArgumentException), () => WatchdogAssembly.Build(config, board, kinds, null));
        }

        /// <summary>The rebooter receives the decision that asked for the reboot, reason included.</summary>
        [TestMethod]
        public static void TheRebooterReceivesTheRequestWithItsReason()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Router.CpuLoad = 100;
            r.RunFor(10);
            Assert.AreEqual(1, r.Router.Reboots);
            Assert.IsNotNull(r.Router.LastRebootRequest);
            Assert.AreEqual((int)DecisionCode.RebootRequested, (int)r.Router.LastRebootRequest.Code);
            Assert.Contains("cpu-load", r.Router.LastRebootRequest.Reason);
            Assert.AreEqual("main", r.Router.LastRebootRequest.RouterName);
        }
    }
}
