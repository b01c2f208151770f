using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Status;
using Esp32Watchdog.Supervision;
using Xunit;

namespace Esp32Watchdog.Tests
{
    public class WatchdogSupervisorTests
    {
        private readonly FakeClock _clock = new FakeClock { NowMilliseconds = 10_000 };
        private readonly RecordingLog _log = new RecordingLog();
        private readonly FakeLed _led = new FakeLed();
        private readonly FakeNetwork _network = new FakeNetwork();
        private readonly FakeBoardReset _boardReset = new FakeBoardReset();
        private SimRouter _router;
        private WatchdogSupervisor _supervisor;
        private BoardWatchdog _boardWatchdog;

        [Fact]
        public void CpuPeggedRouterIsRebootedThroughTheApiAndRecovers()
        {
            Build(withRelay: true);
            RunFor(minutes: 30);
            Assert.Empty(_log.Decisions);
            Assert.Equal(new[] { LedPattern.Healthy }, _led.Shown.ToArray());

            _router.CpuLoad = 100;
            RunFor(minutes: 30);

            Assert.Equal(
                new[] { DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified },
                _log.Codes());
            Assert.Equal(1, _router.Reboots);
            Assert.Equal(0, _router.PowerCycles);
            Assert.Equal(RouterState.Monitoring, _supervisor.GetPolicy(0).State);
            Assert.Equal(
                new[] { LedPattern.Healthy, LedPattern.Degraded, LedPattern.Acting, LedPattern.Healthy },
                _led.Shown.ToArray());

            // And then it stays quiet.
            RunFor(minutes: 240);
            Assert.Equal(4, _log.Decisions.Count);
        }

        [Fact]
        public void DeadApiIsPowerCycledThroughTheRelayAndRecovers()
        {
            Build(withRelay: true);
            RunFor(minutes: 10);
            _router.ApiHung = true;
            RunFor(minutes: 30);

            Assert.Equal(
                new[] { DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified },
                _log.Codes());
            Assert.Equal(0, _router.Reboots);
            Assert.Equal(1, _router.PowerCycles);
            Assert.Equal(RouterState.Monitoring, _supervisor.GetPolicy(0).State);
            Assert.Contains("API unreachable (timeout)", _log.Decisions[1].Reason);
            Assert.Equal(LedPattern.Healthy, _supervisor.LedPattern);
            Assert.Contains(LedPattern.Acting, _led.Shown);
        }

        [Fact]
        public void DeadApiWithoutRelayIsReportedNotActedOn()
        {
            Build(withRelay: false);
            _router.ApiHung = true;
            RunFor(minutes: 600);
            Assert.Equal(new[] { DecisionCode.HealthDegraded, DecisionCode.ActionImpossible }, _log.Codes());
            Assert.Equal(0, _router.Reboots);
        }

        [Fact]
        public void BoardNetworkOutagePausesProbingAndNeverCounts()
        {
            Build(withRelay: true);
            RunFor(minutes: 5);
            int probes = _router.Probes;

            _network.IsUp = false;
            _router.ApiHung = true; // would look dead, but we cannot see it
            RunFor(minutes: 120);
            Assert.Equal(probes, _router.Probes);
            Assert.Equal(LedPattern.NoNetwork, _supervisor.LedPattern);

            _router.ApiHung = false;
            _network.IsUp = true;
            RunFor(minutes: 60);
            Assert.Equal(new[] { DecisionCode.BoardNetworkDown, DecisionCode.BoardNetworkUp }, _log.Codes());
            Assert.Equal(Decision.Board, _log.Decisions[0].RouterIndex);
            Assert.Equal(LedPattern.Healthy, _supervisor.LedPattern);
        }

        [Fact]
        public void NetworkLostDuringAProbeDiscardsTheRound()
        {
            Build(withRelay: true);
            RunFor(minutes: 2);
            _router.ApiHung = true;

            // The network drops while each probe runs, comes back before the next tick.
            for (int i = 0; i < 200; i++)
            {
                _network.IsUp = true;
                int wait = _supervisor.Tick();
                _network.IsUp = false;
                _supervisor.Tick();
                _clock.Advance(Math.Max(wait, 1));
            }

            Assert.Equal(0, _router.PowerCycles);
            Assert.Equal(0, _log.Count(DecisionCode.PowerCycleRequested));
        }

        [Fact]
        public void ThrowingProbeIsAProbeProblemNotAnOutage()
        {
            Build(withRelay: true);
            _router.ThrowInProbe = true;
            RunFor(minutes: 600);
            Assert.Equal(new[] { DecisionCode.ProbeProblem }, _log.Codes());
            Assert.Equal(0, _router.PowerCycles + _router.Reboots);
        }

        [Fact]
        public void MaintenanceHoldThroughTheSupervisor()
        {
            Build(withRelay: true);
            _supervisor.BeginMaintenance(0, 60 * 60_000);
            _router.ApiHung = true;
            RunFor(minutes: 59);
            Assert.Equal(0, _router.PowerCycles);
            Assert.Equal(LedPattern.Maintenance, _supervisor.LedPattern);
            _supervisor.EndMaintenance(0);
            RunFor(minutes: 30);
            Assert.Equal(1, _router.PowerCycles);
        }

        [Fact]
        public void GivenUpRouterNeedsAcknowledgement()
        {
            Build(withRelay: true);
            _router.ApiHung = true;

            // A router that dies again right after every power-cycle.
            for (int i = 0; i < 48 * 120; i++)
            {
                Step();
                if (_router.PowerCycles > 0 && !_router.ApiHung && _supervisor.GetPolicy(0).State == RouterState.Monitoring)
                {
                    _router.ApiHung = true;
                }
            }

            Assert.Equal(3, _router.PowerCycles);
            Assert.Equal(RouterState.GivenUp, _supervisor.GetPolicy(0).State);
            Assert.Equal(LedPattern.GivenUp, _supervisor.LedPattern);
            Assert.True(_log.Count(DecisionCode.GivenUpReminder) > 0);

            _supervisor.AcknowledgeAll();
            Assert.Equal(RouterState.Monitoring, _supervisor.GetPolicy(0).State);
            RunFor(minutes: 30);
            Assert.Equal(4, _router.PowerCycles);
        }

        [Fact]
        public void MainLoopFeedsTheBoardWatchdogEvenThroughLongActions()
        {
            Build(withRelay: true);
            _router.ApiHung = true;
            for (int i = 0; i < 4 * 120; i++)
            {
                Step();
                Assert.False(_boardWatchdog.Check());
            }

            Assert.True(_router.PowerCycles > 0);
            Assert.Equal(0, _boardReset.Calls);
        }

        [Fact]
        public void BrokenRelayGivesUp()
        {
            var relay = new FakeRelay { Throw = true };
            Build(withRelay: true, relay: relay);
            _router.ApiHung = true;
            RunFor(minutes: 120);
            Assert.Equal(1, relay.Calls);
            Assert.Equal(30_000, relay.LastOffMilliseconds);
            Assert.Equal(
                new[] { DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleFailed, DecisionCode.GivenUp, DecisionCode.GivenUpReminder },
                _log.Codes());
        }

        [Fact]
        public void OneSickRouterDoesNotDisturbTheOther()
        {
            WatchdogConfig config = TestConfigs.Valid();
            var second = new RouterConfig
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
            config.Routers = new[] { config.Routers[0], second };
            Assert.Null(config.Validate());
            var a = new SimRouter(_clock);
            var b = new SimRouter(_clock);
            _supervisor = new WatchdogSupervisor(
                config,
                new IRouterProbe[] { a, b },
                new IRouterRebooter[] { a, b },
                new IPowerRelay[] { a, b },
                _led,
                _log,
                _network,
                _clock,
                null);

            b.CpuLoad = 100;
            RunFor(minutes: 60);
            Assert.Equal(0, a.Reboots + a.PowerCycles);
            Assert.Equal(1, b.Reboots);
            Assert.All(_log.Decisions, decision => Assert.Equal(1, decision.RouterIndex));
            Assert.All(_log.Decisions, decision => Assert.Equal("branch", decision.RouterName));
        }

        [Fact]
        public void HealthyTicksAllocateNothing()
        {
            Build(withRelay: true);
            RunFor(minutes: 30);
            long before = GC.GetAllocatedBytesForCurrentThread();
            RunFor(minutes: 600);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void RejectsMismatchedArrays()
        {
            var config = TestConfigs.Valid();
            Assert.Throws<ArgumentException>(() => new WatchdogSupervisor(
                config, new IRouterProbe[2], new IRouterRebooter[1], null, _led, _log, _network, _clock, null));
        }

        private void Build(bool withRelay, IPowerRelay relay = null)
        {
            WatchdogConfig config = TestConfigs.Valid(withRelay ? 26 : -1);
            config.RelayOffMilliseconds = 30_000;
            Assert.Null(config.Validate());
            _router = new SimRouter(_clock);
            _boardWatchdog = new BoardWatchdog(_clock, _boardReset, config.BoardWatchdogTimeoutMilliseconds, 1000);
            _supervisor = new WatchdogSupervisor(
                config,
                new IRouterProbe[] { _router },
                new IRouterRebooter[] { _router },
                new IPowerRelay[] { withRelay ? (relay ?? _router) : null },
                _led,
                _log,
                _network,
                _clock,
                _boardWatchdog);
        }

        // One pass of the main loop: tick, then sleep for what the supervisor asked.
        private void Step()
        {
            int wait = _supervisor.Tick();
            _clock.Advance(Math.Max(wait, 1));
        }

        private void RunFor(int minutes)
        {
            long until = _clock.NowMilliseconds + minutes * 60_000L;
            while (_clock.NowMilliseconds < until)
            {
                Step();
            }
        }
    }
}
