using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The health rule alone: which round is unhealthy and how the CPU streak moves.</summary>
    [TestClass]
    public class HealthEvaluatorTests
    {
        /// <summary>A healthy round has no findings.</summary>
        [TestMethod]
        public static void HealthyRoundHasNoFindings()
        {
            HealthSample s = NewSample();
            TestConfigs.Healthy(s, 1000);
            Assert.AreEqual((int)HealthFindings.None, (int)new HealthEvaluator(TestConfigs.Valid()).Assess(s));
        }

        /// <summary>Only silence counts as unreachable: a refusal or a board-side error is no finding.</summary>
        [TestMethod]
        public static void OnlySilenceCountsAsUnreachable()
        {
            HealthEvaluator e = new HealthEvaluator(TestConfigs.Valid());
            Assert.AreEqual((int)HealthFindings.ApiUnreachable, (int)e.Assess(Failed(ProbeFailure.Timeout)));
            Assert.AreEqual((int)HealthFindings.ApiUnreachable, (int)e.Assess(Failed(ProbeFailure.ConnectFailed)));
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(Failed(ProbeFailure.LoginRejected)));
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(Failed(ProbeFailure.TlsRejected)));
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(Failed(ProbeFailure.ProtocolError)));
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(Failed(ProbeFailure.ProbeError)));
        }

        /// <summary>CPU at the threshold for the configured number of samples is a finding; one sample less is not.</summary>
        [TestMethod]
        public static void CpuHighForConfiguredSamplesIsAFinding()
        {
            WatchdogConfig config = TestConfigs.Valid();
            HealthEvaluator e = new HealthEvaluator(config);
            HealthSample s = NewSample();
            for (int i = 1; i < config.CpuLoadConsecutiveSamples; i++)
            {
                TestConfigs.Healthy(s, 1000, config.CpuLoadThresholdPercent);
                Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(s));
                Assert.AreEqual(i, e.CpuHighStreak);
            }

            TestConfigs.Healthy(s, 1000, config.CpuLoadThresholdPercent);
            Assert.AreEqual((int)HealthFindings.CpuLoadHigh, (int)e.Assess(s));

            TestConfigs.Healthy(s, 1000, config.CpuLoadThresholdPercent - 1);
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(s));
            Assert.AreEqual(0, e.CpuHighStreak);
        }

        /// <summary>A round without a CPU reading neither grows nor restarts the streak; a silent one keeps the CPU finding.</summary>
        [TestMethod]
        public static void UnknownCpuKeepsTheStreak()
        {
            WatchdogConfig config = TestConfigs.Valid();
            HealthEvaluator e = new HealthEvaluator(config);
            HealthSample s = NewSample();
            for (int i = 0; i < config.CpuLoadConsecutiveSamples; i++)
            {
                TestConfigs.Healthy(s, 1000, 100);
                e.Assess(s);
            }

            TestConfigs.Healthy(s, 1000);
            s.CpuLoadPercent = -1;
            Assert.AreEqual((int)HealthFindings.CpuLoadHigh, (int)e.Assess(s));
            Assert.AreEqual(config.CpuLoadConsecutiveSamples, e.CpuHighStreak);

            Assert.AreEqual((int)(HealthFindings.ApiUnreachable | HealthFindings.CpuLoadHigh), (int)e.Assess(Failed(ProbeFailure.Timeout)));
            Assert.AreEqual(config.CpuLoadConsecutiveSamples, e.CpuHighStreak);

            e.Reset();
            Assert.AreEqual(0, e.CpuHighStreak);
            Assert.AreEqual((int)HealthFindings.ApiUnreachable, (int)e.Assess(Failed(ProbeFailure.Timeout)));
        }

        /// <summary>Free memory below the percentage is a finding; exactly at it is not.</summary>
        [TestMethod]
        public static void LowMemoryIsBelowThePercentage()
        {
            HealthEvaluator e = new HealthEvaluator(TestConfigs.Valid());
            HealthSample s = NewSample();
            TestConfigs.Healthy(s, 1000);
            s.TotalMemoryBytes = 100000;
            s.FreeMemoryBytes = 3000;
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(s));
            s.FreeMemoryBytes = 2999;
            Assert.AreEqual((int)HealthFindings.LowMemory, (int)e.Assess(s));
            s.TotalMemoryBytes = 0;
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(s));
        }

        /// <summary>An interface not running and ping loss above the maximum are findings together.</summary>
        [TestMethod]
        public static void InterfaceAndPingLossAreFindings()
        {
            WatchdogConfig config = TestConfigs.Valid();
            HealthEvaluator e = new HealthEvaluator(config);
            HealthSample s = NewSample();
            TestConfigs.Healthy(s, 1000);
            s.SetPingLoss(1, config.MaxPingLossPercent);
            Assert.AreEqual((int)HealthFindings.None, (int)e.Assess(s));

            s.SetPingLoss(1, config.MaxPingLossPercent + 1);
            s.AddInterfaceNotRunning(config.Routers[0].WatchedInterfaces[1]);
            Assert.AreEqual((int)(HealthFindings.InterfaceDown | HealthFindings.PingLoss), (int)e.Assess(s));
        }

        internal static HealthSample NewSample()
        {
            return TestConfigs.Valid().Routers[0].CreateSample();
        }

        private static HealthSample Failed(ProbeFailure failure)
        {
            HealthSample s = NewSample();
            TestConfigs.Unreachable(s, failure);
            return s;
        }
    }
}
