using System;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Supervision;
using Xunit;

namespace Esp32Watchdog.Tests
{
    public class RouterPolicyTests
    {
        // ---- thresholds -------------------------------------------------------------------

        [Fact]
        public void CpuPeggedActsAfterConsecutiveSamplesPlusHysteresis()
        {
            var d = new PolicyDriver();
            int rounds = d.RoundsUntilAction(d.CpuPegged, 100, out var action);

            // 10 samples make the finding, the 4th unhealthy round acts: 10 + 4 - 1.
            Assert.Equal(13, rounds);
            Assert.Equal(PolicyAction.RebootViaApi, action);
            Assert.Equal(new[] { DecisionCode.HealthDegraded, DecisionCode.RebootRequested }, d.Log.Codes());
            Assert.Contains("cpu-load", d.Log.Decisions[1].Reason);
        }

        [Fact]
        public void CpuJustBelowThresholdNeverActs()
        {
            var d = new PolicyDriver();
            Assert.Equal(-1, d.RoundsUntilAction(() => d.Healthy(97), 500, out _));
            Assert.Empty(d.Log.Decisions);
        }

        [Fact]
        public void CpuStreakRestartsOnOneNormalSample()
        {
            var d = new PolicyDriver();
            for (int cycle = 0; cycle < 50; cycle++)
            {
                for (int i = 0; i < 9; i++)
                {
                    Assert.Equal(PolicyAction.None, d.CpuPegged());
                }

                Assert.Equal(PolicyAction.None, d.Healthy(50));
            }

            Assert.Empty(d.Log.Decisions);
        }

        [Fact]
        public void LowMemoryActsAfterHysteresis()
        {
            var d = new PolicyDriver();
            Func<PolicyAction> lowMemory = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.FreeMemoryBytes = s.TotalMemoryBytes * 2 / 100;
            });
            Assert.Equal(4, d.RoundsUntilAction(lowMemory, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
            Assert.Contains("free memory", d.Log.Decisions[^1].Reason);
        }

        [Fact]
        public void MemoryExactlyAtThresholdIsHealthy()
        {
            var d = new PolicyDriver();
            Func<PolicyAction> atThreshold = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.TotalMemoryBytes = 100_000_000;
                s.FreeMemoryBytes = 3_000_000;
            });
            Assert.Equal(-1, d.RoundsUntilAction(atThreshold, 50, out _));
            Assert.Empty(d.Log.Decisions);
        }

        [Fact]
        public void InterfaceNotRunningActsAndNamesIt()
        {
            var d = new PolicyDriver();
            Assert.Equal(4, d.RoundsUntilAction(d.InterfaceDown, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
            Assert.Contains("ether1", d.Log.Decisions[0].Reason);
            Assert.Contains("ether1", d.Log.Decisions[1].Reason);
        }

        [Fact]
        public void PingLossAboveThresholdActsAndNamesTarget()
        {
            var d = new PolicyDriver();
            Func<PolicyAction> lossy = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.SetPingLoss(1, 100);
            });
            Assert.Equal(4, d.RoundsUntilAction(lossy, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
            Assert.Contains("198.51.100.1 100%", d.Log.Decisions[^1].Reason);
        }

        [Fact]
        public void PingLossAtThresholdOrUnknownIsHealthy()
        {
            var d = new PolicyDriver();
            Func<PolicyAction> borderline = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.SetPingLoss(0, 50);
                s.SetPingLoss(1, -1);
            });
            Assert.Equal(-1, d.RoundsUntilAction(borderline, 50, out _));
            Assert.Empty(d.Log.Decisions);
        }

        // ---- API reachability ---------------------------------------------------------------

        [Fact]
        public void ApiUnreachableWaitsLongerThenPowerCycles()
        {
            var d = new PolicyDriver();
            Assert.Equal(10, d.RoundsUntilAction(() => d.Unreachable(), 50, out var action));
            Assert.Equal(PolicyAction.PowerCycle, action);
            Assert.Equal(new[] { DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested }, d.Log.Codes());
            Assert.Equal(RouterState.VerifyingPowerCycle, d.Policy.State);
        }

        [Fact]
        public void ApiUnreachableWithoutRelayIsReportedOnceAndNeverActs()
        {
            var d = new PolicyDriver(TestConfigs.Valid(relayPin: -1), hasRelay: false);
            Assert.Equal(-1, d.RoundsUntilAction(() => d.Unreachable(ProbeFailure.ConnectFailed), 2000, out _));
            Assert.Equal(new[] { DecisionCode.HealthDegraded, DecisionCode.ActionImpossible }, d.Log.Codes());

            // It comes back by itself: reported as restored, nothing else.
            d.RouterRestarts();
            d.Healthy();
            Assert.Equal(DecisionCode.HealthRestored, d.Log.Decisions[^1].Code);
        }

        [Theory]
        [InlineData(ProbeFailure.LoginRejected)]
        [InlineData(ProbeFailure.TlsRejected)]
        [InlineData(ProbeFailure.ProtocolError)]
        [InlineData(ProbeFailure.ProbeError)]
        public void RefusalsAndBoardErrorsNeverCount(ProbeFailure failure)
        {
            var d = new PolicyDriver();
            Assert.Equal(-1, d.RoundsUntilAction(() => d.Unreachable(failure), 1000, out _));
            Assert.Equal(new[] { DecisionCode.ProbeProblem }, d.Log.Codes());
            Assert.Contains("not counted", d.Log.Decisions[0].Reason);
            Assert.Equal(RouterStatus.Healthy, d.Policy.Status);
        }

        // ---- hysteresis and flapping ----------------------------------------------------------

        [Fact]
        public void OneHealthyRoundRestartsTheHysteresis()
        {
            var d = new PolicyDriver();
            for (int cycle = 0; cycle < 100; cycle++)
            {
                for (int i = 0; i < 3; i++)
                {
                    Assert.Equal(PolicyAction.None, d.InterfaceDown());
                }

                Assert.Equal(PolicyAction.None, d.Healthy());
            }

            Assert.Equal(0, d.Log.Count(DecisionCode.RebootRequested));
        }

        [Fact]
        public void FlappingRouterNeverTriggersAndIsReportedOnce()
        {
            var d = new PolicyDriver();
            for (int i = 0; i < 2000; i++)
            {
                var action = i % 2 == 0 ? d.InterfaceDown() : d.Healthy();
                Assert.Equal(PolicyAction.None, action);
            }

            Assert.Equal(1, d.Log.Count(DecisionCode.Flapping));
            Assert.True(d.Log.Decisions.Count <= 4, d.Log.ToString());
        }

        [Fact]
        public void FlappingThatSettlesUnhealthyStillActs()
        {
            var d = new PolicyDriver();
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(PolicyAction.None, i % 2 == 0 ? d.InterfaceDown() : d.Healthy());
            }

            Assert.Equal(4, d.RoundsUntilAction(d.InterfaceDown, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
        }

        // ---- healthy routers are left alone ---------------------------------------------------

        [Fact]
        public void LongRandomizedHealthyRunNeverActs()
        {
            // A week at 30 s with CPU spikes, single lost probes and the odd lossy ping: noise
            // that every real network has and that must never reboot anything.
            var d = new PolicyDriver();
            var random = new Random(12345);
            int noisy = 0;
            for (int i = 0; i < 7 * 2880; i++)
            {
                // Noise comes in short bursts (at most two rounds), never long enough to act on.
                int dice = noisy >= 2 ? 99 : random.Next(100);
                noisy = dice < 5 ? noisy + 1 : 0;
                PolicyAction action;
                if (dice < 3)
                {
                    action = d.Unreachable(random.Next(2) == 0 ? ProbeFailure.Timeout : ProbeFailure.ConnectFailed);
                }
                else if (dice < 5)
                {
                    action = d.Round(s =>
                    {
                        TestConfigs.Healthy(s, d.Uptime);
                        s.SetPingLoss(0, 100);
                    });
                }
                else
                {
                    action = d.Healthy(random.Next(100) < 20 ? 100 : random.Next(0, 90));
                }

                Assert.Equal(PolicyAction.None, action);
            }

            Assert.Equal(0, d.Log.Count(DecisionCode.RebootRequested));
            Assert.Equal(0, d.Log.Count(DecisionCode.PowerCycleRequested));
            Assert.Equal(0, d.Log.Count(DecisionCode.RouterRebootedOnItsOwn));
        }

        // ---- verification ---------------------------------------------------------------------

        [Fact]
        public void RebootVerifiedWhenApiReturnsWithResetUptime()
        {
            var d = StartReboot();
            Assert.Equal(PolicyAction.None, d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now));
            Assert.Equal(PolicyAction.None, d.Unreachable(ProbeFailure.ConnectFailed));
            Assert.Equal(PolicyAction.None, d.Unreachable(ProbeFailure.ConnectFailed));
            d.RouterRestarts(20);
            Assert.Equal(PolicyAction.None, d.Healthy());

            Assert.Equal(RouterState.Monitoring, d.Policy.State);
            Assert.Equal(
                new[] { DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified },
                d.Log.Codes());
        }

        [Fact]
        public void RebootNotVerifiedWhenUptimeNeverResets()
        {
            var d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);

            // The router keeps answering with its old uptime: the reboot never happened.
            int rounds = 0;
            while (d.Policy.State == RouterState.VerifyingReboot)
            {
                Assert.Equal(PolicyAction.None, d.InterfaceDown());
                rounds++;
                Assert.True(rounds < 100);
            }

            Assert.Equal(10, rounds); // 5 min at 30 s
            Assert.Equal(DecisionCode.VerificationFailed, d.Log.Decisions[^1].Code);
            Assert.Contains("did not reset", d.Log.Decisions[^1].Reason);
            Assert.Equal(RouterState.Monitoring, d.Policy.State);
        }

        [Fact]
        public void ApiStillDeadAfterRebootFallsBackToPowerCycle()
        {
            var d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            int rounds = d.RoundsUntilAction(() => d.Unreachable(), 100, out var action);

            Assert.Equal(20, rounds); // T2 = 10 min
            Assert.Equal(PolicyAction.PowerCycle, action);
            d.Policy.OnPowerCycleDone(true, d.Now + 10_000);
            d.RouterRestarts(30);
            d.Healthy();

            Assert.Equal(
                new[]
                {
                    DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted,
                    DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified,
                },
                d.Log.Codes());
            Assert.Equal(2, d.Policy.ActionsInWindow(d.Now));
        }

        [Fact]
        public void FailedApiRebootPowerCyclesAtOnce()
        {
            var d = StartReboot();
            Assert.Equal(PolicyAction.PowerCycle, d.Policy.OnRebootResult(RebootResult.Failed, d.Now));
            Assert.Equal(DecisionCode.RebootFailed, d.Log.Decisions[^2].Code);
            Assert.Equal(DecisionCode.PowerCycleRequested, d.Log.Decisions[^1].Code);
        }

        [Fact]
        public void FailedApiRebootWithoutRelayGoesBackToWatching()
        {
            var d = new PolicyDriver(TestConfigs.Valid(relayPin: -1), hasRelay: false);
            d.RoundsUntilAction(d.InterfaceDown, 20, out _);
            Assert.Equal(PolicyAction.None, d.Policy.OnRebootResult(RebootResult.Failed, d.Now));
            Assert.Equal(DecisionCode.ActionImpossible, d.Log.Decisions[^1].Code);
            Assert.Equal(RouterState.Monitoring, d.Policy.State);
        }

        [Fact]
        public void PowerCycleThatBringsNothingBackIsReportedAndRetriedOnlyAfterBackoff()
        {
            var d = new PolicyDriver();
            d.RoundsUntilAction(() => d.Unreachable(), 20, out _);
            long firstActionAt = d.Now;
            d.Policy.OnPowerCycleDone(true, d.Now);
            int rounds = 0;
            while (d.Policy.State == RouterState.VerifyingPowerCycle)
            {
                d.Unreachable();
                rounds++;
            }

            Assert.Equal(20, rounds); // 10 min
            Assert.Equal(DecisionCode.PowerCycleVerificationFailed, d.Log.Decisions[^1].Code);

            // Still dead: the next power-cycle waits for the hysteresis and the 15 min back-off.
            long failedAt = d.Now;
            d.RoundsUntilAction(() => d.Unreachable(), 200, out var action);
            Assert.Equal(PolicyAction.PowerCycle, action);
            Assert.True(d.Now - failedAt >= 5 * 60_000);
            Assert.True(d.Now - firstActionAt >= d.Policy.BackoffAfter(1));
        }

        [Fact]
        public void PowerCycleWithoutEffectBlamesTheRelay()
        {
            var d = new PolicyDriver();
            d.RoundsUntilAction(() => d.Unreachable(), 20, out _);
            d.Policy.OnPowerCycleDone(true, d.Now);
            d.Healthy(); // old uptime: the power was never cut
            Assert.Equal(DecisionCode.VerificationFailed, d.Log.Decisions[^2].Code);
            Assert.Contains("relay", d.Log.Decisions[^2].Reason);

            // Repeating a power-cycle that has no effect can only hurt another router: give up.
            Assert.Equal(DecisionCode.GivenUp, d.Log.Decisions[^1].Code);
            Assert.Equal(RouterState.GivenUp, d.Policy.State);
        }

        [Fact]
        public void RelayErrorGivesUp()
        {
            var d = new PolicyDriver();
            d.RoundsUntilAction(() => d.Unreachable(), 20, out _);
            d.Policy.OnPowerCycleDone(false, d.Now);
            Assert.Equal(RouterState.GivenUp, d.Policy.State);
            Assert.Equal(new[] { DecisionCode.PowerCycleFailed, DecisionCode.GivenUp }, d.Log.Codes().GetRange(2, 2));
        }

        // ---- rate limit, back-off, given up ----------------------------------------------------

        [Fact]
        public void BackoffDoublesAndIsCapped()
        {
            var d = new PolicyDriver();
            Assert.Equal(0, d.Policy.BackoffAfter(0));
            Assert.Equal(15 * 60_000, d.Policy.BackoffAfter(1));
            Assert.Equal(30 * 60_000, d.Policy.BackoffAfter(2));
            Assert.Equal(60 * 60_000, d.Policy.BackoffAfter(3));
            Assert.Equal(120 * 60_000, d.Policy.BackoffAfter(4));
            Assert.Equal(120 * 60_000, d.Policy.BackoffAfter(5));
            Assert.Equal(120 * 60_000, d.Policy.BackoffAfter(1000));
        }

        [Fact]
        public void PersistentProblemRebootsAtMostKTimesWithGrowingGapsThenGivesUp()
        {
            var d = new PolicyDriver();
            var actionTimes = new System.Collections.Generic.List<long>();

            // Two days of an interface that no reboot fixes; every reboot really happens.
            for (int i = 0; i < 2 * 2880; i++)
            {
                var action = d.InterfaceDown();
                if (action == PolicyAction.RebootViaApi)
                {
                    actionTimes.Add(d.Now);
                    d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
                    d.RouterRestarts();
                }

                Assert.NotEqual(PolicyAction.PowerCycle, action);
            }

            Assert.Equal(3, actionTimes.Count);
            Assert.True(actionTimes[1] - actionTimes[0] >= 15 * 60_000);
            Assert.True(actionTimes[2] - actionTimes[1] >= 30 * 60_000);
            Assert.True(actionTimes[2] - actionTimes[1] > actionTimes[1] - actionTimes[0]);
            Assert.Equal(RouterState.GivenUp, d.Policy.State);
            Assert.Equal(1, d.Log.Count(DecisionCode.GivenUp));

            // Still reporting: a reminder every hour since giving up.
            int reminders = d.Log.Count(DecisionCode.GivenUpReminder);
            Assert.InRange(reminders, 40, 48);
            Assert.Equal(RouterStatus.GivenUp, d.Policy.Status);
        }

        [Fact]
        public void AcknowledgeResumesWatching()
        {
            var d = new PolicyDriver();
            d.RoundsUntilAction(() => d.Unreachable(), 20, out _);
            d.Policy.OnPowerCycleDone(false, d.Now);
            Assert.Equal(RouterState.GivenUp, d.Policy.State);

            // Days of problems while given up: nothing happens.
            Assert.Equal(-1, d.RoundsUntilAction(d.InterfaceDown, 3000, out _));

            d.Policy.Acknowledge(d.Now);
            Assert.Equal(RouterState.Monitoring, d.Policy.State);
            Assert.Equal(0, d.Policy.ActionsInWindow(d.Now));
            Assert.Equal(DecisionCode.GivenUpCleared, d.Log.Decisions[^1].Code);
            Assert.Equal(4, d.RoundsUntilAction(d.InterfaceDown, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
        }

        [Fact]
        public void LongHealthResetsTheBackoff()
        {
            var d = new PolicyDriver();
            d.RoundsUntilAction(d.InterfaceDown, 20, out _);
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            d.RouterRestarts();
            d.Healthy();
            Assert.Equal(1, d.Policy.ConsecutiveActions);

            for (int i = 0; i < 120; i++)
            {
                d.Healthy();
            }

            Assert.Equal(1, d.Policy.ConsecutiveActions);
            d.Healthy(); // an hour after the first healthy round
            Assert.Equal(0, d.Policy.ConsecutiveActions);
        }

        // ---- maintenance -----------------------------------------------------------------------

        [Fact]
        public void MaintenanceHoldsActionsUntilItExpires()
        {
            var d = new PolicyDriver();
            d.Policy.BeginMaintenance(30 * 60_000, d.Now);
            Assert.Equal(RouterStatus.Maintenance, d.Policy.Status);

            int rounds = 0;
            while (d.Policy.State == RouterState.Maintenance)
            {
                Assert.Equal(PolicyAction.None, d.InterfaceDown());
                rounds++;
            }

            Assert.Equal(60, rounds);
            Assert.Equal(DecisionCode.MaintenanceStarted, d.Log.Decisions[0].Code);
            Assert.Equal(DecisionCode.MaintenanceEnded, d.Log.Decisions[1].Code);
            Assert.Equal("hold expired", d.Log.Decisions[1].Reason);

            // The round in which the hold expired counts as the first of four.
            Assert.Equal(3, d.RoundsUntilAction(d.InterfaceDown, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
        }

        [Fact]
        public void MaintenanceIsCappedAndCanEndByHand()
        {
            var d = new PolicyDriver();
            d.Policy.BeginMaintenance(48L * 3600_000, d.Now);
            Assert.Contains("240 min", d.Log.Decisions[0].Reason);
            d.Policy.EndMaintenance(d.Now);
            Assert.Equal(RouterState.Monitoring, d.Policy.State);
            Assert.Equal("ended by hand", d.Log.Decisions[^1].Reason);

            d.Policy.BeginMaintenance(0, d.Now);
            Assert.Contains("60 min", d.Log.Decisions[^1].Reason);
        }

        [Fact]
        public void MaintenanceDropsAPendingVerification()
        {
            var d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            d.Policy.BeginMaintenance(60 * 60_000, d.Now);
            Assert.Equal(-1, d.RoundsUntilAction(() => d.Unreachable(), 100, out _));
            Assert.Equal(0, d.Log.Count(DecisionCode.PowerCycleRequested));
        }

        [Fact]
        public void RebootDuringMaintenanceIsReported()
        {
            var d = new PolicyDriver();
            d.Healthy();
            d.Policy.BeginMaintenance(0, d.Now);
            d.RouterRestarts();
            d.Healthy();
            Assert.Equal(DecisionCode.RouterRebootedOnItsOwn, d.Log.Decisions[^1].Code);
            Assert.Equal("during maintenance", d.Log.Decisions[^1].Reason);
        }

        // ---- reboots of its own ------------------------------------------------------------------

        [Fact]
        public void UptimeGoingBackwardsIsReportedAsOwnReboot()
        {
            var d = new PolicyDriver();
            for (int i = 0; i < 10; i++)
            {
                d.Healthy();
            }

            d.RouterRestarts(5);
            Assert.Equal(PolicyAction.None, d.Healthy());
            Assert.Equal(new[] { DecisionCode.RouterRebootedOnItsOwn }, d.Log.Codes());
        }

        [Fact]
        public void OwnRebootDuringALongSilenceIsDetectedEvenWhenUptimeGrewPastTheOldValue()
        {
            var d = new PolicyDriver();
            d.Uptime = 100;
            d.Healthy();

            // 20 minutes without answers (not enough to power-cycle without relay), then an
            // uptime of 10 minutes: larger than 130 s, yet the router clearly started over.
            for (int i = 0; i < 40; i++)
            {
                d.Unreachable(ProbeFailure.LoginRejected); // answered, not counted
            }

            d.Uptime = 600 - 30;
            d.Healthy();
            Assert.Equal(DecisionCode.RouterRebootedOnItsOwn, d.Log.Decisions[^1].Code);
        }

        [Fact]
        public void UptimeJitterIsNotAReboot()
        {
            var d = new PolicyDriver();
            var random = new Random(7);
            for (int i = 0; i < 5000; i++)
            {
                // The uptime is read at some point during the probe: up to 15 s early or late.
                long jitter = random.Next(-15, 16);
                d.Round(s => TestConfigs.Healthy(s, d.Uptime + jitter));
            }

            Assert.Empty(d.Log.Decisions);
        }

        // ---- the board's own network ---------------------------------------------------------------

        [Fact]
        public void BoardOutageNeverCountsAndRestartsTheHysteresis()
        {
            var d = new PolicyDriver();
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(PolicyAction.None, d.InterfaceDown());
            }

            // Two hours without our own network: nothing is decided, nothing counts.
            int before = d.Log.Decisions.Count;
            for (int i = 0; i < 240; i++)
            {
                d.Now += d.Interval;
                d.Policy.OnBoardNetworkDown(d.Now);
            }

            Assert.True(d.Policy.IsPaused);
            Assert.Equal(before, d.Log.Decisions.Count);

            // The three rounds before the outage are forgotten: four fresh ones are needed.
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(PolicyAction.None, d.InterfaceDown());
            }

            Assert.False(d.Policy.IsPaused);
            Assert.Equal(PolicyAction.RebootViaApi, d.InterfaceDown());
        }

        [Fact]
        public void BoardOutageExtendsTheVerificationDeadline()
        {
            var d = StartReboot();
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

            int rounds = d.RoundsUntilAction(() => d.Unreachable(), 100, out var action);
            Assert.Equal(PolicyAction.PowerCycle, action);
            Assert.Equal(15, rounds); // 20 rounds of T2, 5 of them before the outage
        }

        [Fact]
        public void BoardSideProbeErrorsDuringVerificationNeverCutPower()
        {
            var d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            Assert.Equal(-1, d.RoundsUntilAction(() => d.Unreachable(ProbeFailure.ProbeError), 200, out _));
            Assert.Equal(DecisionCode.VerificationFailed, d.Log.Decisions[^1].Code);
            Assert.Contains("cannot verify", d.Log.Decisions[^1].Reason);
            Assert.Equal(0, d.Log.Count(DecisionCode.PowerCycleRequested));
        }

        [Fact]
        public void RefusalAfterRebootIsNotSilenceAndNeverCutsPower()
        {
            var d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            Assert.Equal(-1, d.RoundsUntilAction(() => d.Unreachable(ProbeFailure.LoginRejected), 200, out _));
            Assert.Equal(0, d.Log.Count(DecisionCode.PowerCycleRequested));
            Assert.Equal(1, d.Log.Count(DecisionCode.VerificationFailed));
        }

        [Fact]
        public void HealthyRoundsAllocateNothing()
        {
            var d = new PolicyDriver();
            for (int i = 0; i < 200; i++)
            {
                d.Healthy();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2000; i++)
            {
                d.Now += d.Interval;
                d.Uptime += 30;
                TestConfigs.Healthy(d.Sample, d.Uptime);
                d.Policy.OnProbe(d.Sample, d.Now);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void NoActionDuringTheStartupGrace()
        {
            var config = TestConfigs.Valid();
            config.StartupGraceMilliseconds = 10 * 60_000;
            var d = new PolicyDriver(config);
            long start = d.Now + d.Interval;
            Assert.Equal(21, d.RoundsUntilAction(d.InterfaceDown, 100, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
            Assert.True(d.Now - start >= 10 * 60_000);
            Assert.Equal(
                new[] { DecisionCode.HealthDegraded, DecisionCode.ActionDeferred, DecisionCode.RebootRequested },
                d.Log.Codes());
            Assert.Contains("startup grace", d.Log.Decisions[1].Reason);
        }

        [Fact]
        public void ShippedDefaultsHaveAStartupGrace()
        {
            Assert.Equal(600_000, new Esp32Watchdog.Configuration.WatchdogConfig().StartupGraceMilliseconds);
        }

        // ---- helpers -------------------------------------------------------------------------------

        private static PolicyDriver StartReboot()
        {
            var d = new PolicyDriver();
            Assert.Equal(4, d.RoundsUntilAction(d.InterfaceDown, 20, out var action));
            Assert.Equal(PolicyAction.RebootViaApi, action);
            Assert.Equal(RouterState.VerifyingReboot, d.Policy.State);
            return d;
        }
    }
}
