using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The health rule alone: silence, the router's checks, and which of them count.</summary>
    [TestClass]
    public class HealthEvaluatorTests
    {
        /// <summary>A healthy round has no findings and reads "healthy".</summary>
        [TestMethod]
        public static void HealthyRoundHasNoFindings()
        {
            HealthSample s;
            HealthEvaluator e = New(TestConfigs.Valid(), out s);
            TestConfigs.Healthy(s, 1000);
            Assert.IsFalse(e.Assess(s));
            Assert.IsFalse(e.ApiUnreachable);
            Assert.IsFalse(e.ReportOnlyFailing);
            Assert.AreEqual("healthy", e.Findings(s, false));
            Assert.AreEqual("healthy", e.Findings(s, true));
        }

        /// <summary>Only silence counts as unreachable: a refusal or a board-side error is no finding.</summary>
        [TestMethod]
        public static void OnlySilenceCountsAsUnreachable()
        {
            HealthSample s;
            HealthEvaluator e = New(TestConfigs.Valid(), out s);
            ProbeFailure[] silent = new ProbeFailure[] { ProbeFailure.Timeout, ProbeFailure.ConnectFailed };
            ProbeFailure[] answered = new ProbeFailure[] { ProbeFailure.LoginRejected, ProbeFailure.TlsRejected, ProbeFailure.ProtocolError, ProbeFailure.ProbeError };
            for (int i = 0; i < silent.Length; i++)
            {
                TestConfigs.Unreachable(s, silent[i]);
                Assert.IsTrue(e.Assess(s));
                Assert.IsTrue(e.ApiUnreachable);
            }

            for (int i = 0; i < answered.Length; i++)
            {
                TestConfigs.Unreachable(s, answered[i]);
                Assert.IsFalse(e.Assess(s));
                Assert.IsFalse(e.ApiUnreachable);
            }

            TestConfigs.Unreachable(s, ProbeFailure.ConnectFailed);
            e.Assess(s);
            Assert.AreEqual("API unreachable (connect failed)", e.Findings(s, false));
            Assert.AreEqual("API unreachable", e.Findings(null, false));
        }

        /// <summary>Every failing check is a part of the text, joined with semicolons in the order the checks are registered.</summary>
        [TestMethod]
        public static void FindingsAreJoinedInRegistrationOrder()
        {
            WatchdogConfig config = TestConfigs.Valid();
            TestConfigs.Cpu(config).ConsecutiveSamples = 1;
            HealthSample s;
            HealthEvaluator e = New(config, out s);
            TestConfigs.Healthy(s, 1000, 100);
            TestConfigs.Set(s, "free-memory", 1024 * 1024);
            TestConfigs.InterfaceDown(s, "ether1");
            TestConfigs.InterfaceDown(s, "wlan1");
            s.SetPingLoss(1, 80);
            Assert.IsTrue(e.Assess(s));
            Assert.AreEqual(
                "cpu-load >= 98% for 1 samples; free memory 1024 KiB below 3932 KiB; not running: ether1,wlan1; ping loss 198.51.100.1 80%",
                e.Findings(s, false));
            for (int i = 0; i < e.Checks.Length; i++)
            {
                Assert.IsTrue(e.IsFailing(i), e.Checks[i].Name);
            }
        }

        /// <summary>A failing report-only check is reported but never makes the round unhealthy.</summary>
        [TestMethod]
        public static void ReportOnlyCheckDoesNotCount()
        {
            WatchdogConfig config = TestConfigs.Valid();
            ((RequiredInterfacesCheck)config.Routers[0].Checks[0]).ReportOnly = true;
            HealthSample s;
            HealthEvaluator e = New(config, out s);
            TestConfigs.Healthy(s, 1000);
            TestConfigs.InterfaceDown(s, "wlan1");
            Assert.IsFalse(e.Assess(s));
            Assert.IsTrue(e.ReportOnlyFailing);
            Assert.AreEqual("not running: wlan1", e.Findings(s, true));
            Assert.AreEqual("healthy", e.Findings(s, false));

            s.SetPingLoss(0, 100);
            Assert.IsTrue(e.Assess(s), "a check that acts still counts beside a report-only one");
            Assert.AreEqual("ping loss 192.0.2.254 100%", e.Findings(s, false));
        }

        /// <summary>Reset forgets every check's history (the cpu-load streak).</summary>
        [TestMethod]
        public static void ResetForgetsTheChecksHistory()
        {
            WatchdogConfig config = TestConfigs.Valid();
            HealthSample s;
            HealthEvaluator e = New(config, out s);
            CpuLoadCheck cpu = (CpuLoadCheck)e.Checks[0];
            for (int i = 0; i < 3; i++)
            {
                TestConfigs.Healthy(s, 1000, 100);
                e.Assess(s);
            }

            Assert.AreEqual(3, cpu.Streak);
            e.Reset();
            Assert.AreEqual(0, cpu.Streak);
        }

        private static HealthEvaluator New(WatchdogConfig config, out HealthSample sample)
        {
            IHealthCheck[] checks;
            sample = TestConfigs.NewSample(config, out checks);
            return new HealthEvaluator(checks);
        }
    }
}
