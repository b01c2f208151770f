using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy
{
    /// <summary>What counts as unhealthy, the hysteresis before acting, and noise that must never act.</summary>
    [TestClass]
    public class ThresholdTests
    {
        /// <summary>CPU pegged acts after consecutive samples plus hysteresis.</summary>
        [TestMethod]
        public static void CpuPeggedActsAfterConsecutiveSamplesPlusHysteresis()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyAction action;
            int rounds = d.RoundsUntilAction(d.CpuPegged, 100, out action);

            // 10 samples make the finding; the 4th unhealthy round acts: 10 + 4 - 1.
            Assert.AreEqual(13, rounds);
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            d.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.RebootRequested);
            Assert.Contains("cpu-load", d.Log.At(1).Reason);
        }

        /// <summary>CPU just below threshold never acts.</summary>
        [TestMethod]
        public static void CpuJustBelowThresholdNeverActs()
        {
            PolicyDriver d = new PolicyDriver();
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(() => d.HealthyAt(97), 500));
            Assert.AreEqual(0, d.Log.Count);
        }

        /// <summary>CPU streak restarts on one normal sample.</summary>
        [TestMethod]
        public static void CpuStreakRestartsOnOneNormalSample()
        {
            PolicyDriver d = new PolicyDriver();
            for (int cycle = 0; cycle < 50; cycle++)
            {
                for (int i = 0; i < 9; i++)
                {
                    Assert.AreEqual((int)PolicyAction.None, (int)d.CpuPegged());
                }

                Assert.AreEqual((int)PolicyAction.None, (int)d.HealthyAt(50));
            }

            Assert.AreEqual(0, d.Log.Count);
        }

        /// <summary>Low memory acts after hysteresis.</summary>
        [TestMethod]
        public static void LowMemoryActsAfterHysteresis()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyAction action;
            PolicyRound lowMemory = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.FreeMemoryBytes = s.TotalMemoryBytes * 2 / 100;
            });
            Assert.AreEqual(4, d.RoundsUntilAction(lowMemory, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            Assert.Contains("free memory", d.Log.Last.Reason);
        }

        /// <summary>Memory exactly at threshold is healthy.</summary>
        [TestMethod]
        public static void MemoryExactlyAtThresholdIsHealthy()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyRound atThreshold = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.TotalMemoryBytes = 100000000;
                s.FreeMemoryBytes = 3000000;
            });
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(atThreshold, 50));
            Assert.AreEqual(0, d.Log.Count);
        }

        /// <summary>Interface not running acts and names it.</summary>
        [TestMethod]
        public static void InterfaceNotRunningActsAndNamesIt()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyAction action;
            Assert.AreEqual(4, d.RoundsUntilAction(d.InterfaceDown, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            Assert.Contains("ether1", d.Log.At(0).Reason);
            Assert.Contains("ether1", d.Log.At(1).Reason);
        }

        /// <summary>Ping loss above threshold acts and names target.</summary>
        [TestMethod]
        public static void PingLossAboveThresholdActsAndNamesTarget()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyAction action;
            PolicyRound lossy = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.SetPingLoss(1, 100);
            });
            Assert.AreEqual(4, d.RoundsUntilAction(lossy, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            Assert.Contains("198.51.100.1 100%", d.Log.Last.Reason);
        }

        /// <summary>Ping loss at threshold or unknown is healthy.</summary>
        [TestMethod]
        public static void PingLossAtThresholdOrUnknownIsHealthy()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyRound borderline = () => d.Round(s =>
            {
                TestConfigs.Healthy(s, d.Uptime);
                s.SetPingLoss(0, 50);
                s.SetPingLoss(1, -1);
            });
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(borderline, 50));
            Assert.AreEqual(0, d.Log.Count);
        }

        /// <summary>Api unreachable waits longer then power cycles.</summary>
        [TestMethod]
        public static void ApiUnreachableWaitsLongerThenPowerCycles()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyAction action;
            Assert.AreEqual(10, d.RoundsUntilAction(d.Unreachable, 50, out action));
            Assert.AreEqual((int)PolicyAction.PowerCycle, (int)action);
            d.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested);
            Assert.AreEqual((int)PolicyState.VerifyingPowerCycle, (int)d.Policy.State);
        }

        /// <summary>Api unreachable without relay is reported once and never acts.</summary>
        [TestMethod]
        public static void ApiUnreachableWithoutRelayIsReportedOnceAndNeverActs()
        {
            PolicyDriver d = new PolicyDriver(TestConfigs.Valid(-1), false);
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(() => d.UnreachableBy(ProbeFailure.ConnectFailed), 2000));
            d.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.ActionImpossible);

            // It comes back by itself: reported as restored, nothing else.
            d.RouterRestarts();
            d.Healthy();
            Assert.AreEqual((int)DecisionCode.HealthRestored, (int)d.Log.Last.Code);
        }

        /// <summary>Refusals and board errors never count.</summary>
        [TestMethod]
        [DataRow((int)ProbeFailure.LoginRejected)]
        [DataRow((int)ProbeFailure.TlsRejected)]
        [DataRow((int)ProbeFailure.ProtocolError)]
        [DataRow((int)ProbeFailure.ProbeError)]
        public static void RefusalsAndBoardErrorsNeverCount(int failure)
        {
            PolicyDriver d = new PolicyDriver();
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(() => d.UnreachableBy((ProbeFailure)failure), 1000));
            d.Log.AssertCodes(DecisionCode.ProbeProblem);
            Assert.Contains("not counted", d.Log.At(0).Reason);
            Assert.AreEqual((int)RouterCondition.Healthy, (int)d.Policy.Condition);
        }

        /// <summary>One healthy round restarts the hysteresis.</summary>
        [TestMethod]
        public static void OneHealthyRoundRestartsTheHysteresis()
        {
            PolicyDriver d = new PolicyDriver();
            for (int cycle = 0; cycle < 100; cycle++)
            {
                for (int i = 0; i < 3; i++)
                {
                    Assert.AreEqual((int)PolicyAction.None, (int)d.InterfaceDown());
                }

                Assert.AreEqual((int)PolicyAction.None, (int)d.Healthy());
            }

            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.RebootRequested));
        }

        /// <summary>Flapping router never triggers and is reported once.</summary>
        [TestMethod]
        public static void FlappingRouterNeverTriggersAndIsReportedOnce()
        {
            PolicyDriver d = new PolicyDriver();
            for (int i = 0; i < 2000; i++)
            {
                PolicyAction action = i % 2 == 0 ? d.InterfaceDown() : d.Healthy();
                Assert.AreEqual((int)PolicyAction.None, (int)action);
            }

            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.Flapping));
            Assert.IsTrue(d.Log.Count <= 4, d.Log.ToString());
        }

        /// <summary>Flapping that settles unhealthy still acts.</summary>
        [TestMethod]
        public static void FlappingThatSettlesUnhealthyStillActs()
        {
            PolicyDriver d = new PolicyDriver();
            for (int i = 0; i < 20; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)(i % 2 == 0 ? d.InterfaceDown() : d.Healthy()));
            }

            PolicyAction action;
            Assert.AreEqual(4, d.RoundsUntilAction(d.InterfaceDown, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
        }

        /// <summary>Long noisy healthy run never acts.</summary>
        [TestMethod]
        public static void LongNoisyHealthyRunNeverActs()
        {
            // A week at 30 s with CPU spikes, single lost probes and the odd lossy ping: noise
            // that every real network has and that must never reboot anything.
            PolicyDriver d = new PolicyDriver();
            TestRandom random = new TestRandom(12345);
            int noisy = 0;
            for (int i = 0; i < 7 * 2880; i++)
            {
                // Noise comes in short bursts (at most two rounds), never long enough to act on.
                int dice = noisy >= 2 ? 99 : random.Next(100);
                noisy = dice < 5 ? noisy + 1 : 0;
                PolicyAction action;
                if (dice < 3)
                {
                    action = d.UnreachableBy(random.Next(2) == 0 ? ProbeFailure.Timeout : ProbeFailure.ConnectFailed);
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
                    action = d.HealthyAt(random.Next(100) < 20 ? 100 : random.Next(0, 90));
                }

                Assert.AreEqual((int)PolicyAction.None, (int)action);
            }

            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.RebootRequested));
            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.PowerCycleRequested));
            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.RouterRebootedOnItsOwn));
        }
    }
}
