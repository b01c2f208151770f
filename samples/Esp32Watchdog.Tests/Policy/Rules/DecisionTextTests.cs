using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The decision texts alone: what a reason says for each finding.</summary>
    [TestClass]
    public class DecisionTextTests
    {
        /// <summary>No findings read "healthy".</summary>
        [TestMethod]
        public static void NoFindingsReadHealthy()
        {
            Assert.AreEqual("healthy", NewText().Findings(HealthFindings.None, null, 0));
        }

        /// <summary>Unreachable names the failure when the round is known.</summary>
        [TestMethod]
        public static void UnreachableNamesTheFailure()
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Unreachable(s, ProbeFailure.ConnectFailed);
            Assert.AreEqual("API unreachable (connect failed)", NewText().Findings(HealthFindings.ApiUnreachable, s, 0));
            Assert.AreEqual("API unreachable", NewText().Findings(HealthFindings.ApiUnreachable, null, 0));
        }

        /// <summary>Parts are joined with semicolons in a fixed order and quote the thresholds.</summary>
        [TestMethod]
        public static void PartsAreJoinedInAFixedOrder()
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Healthy(s, 1000);
            s.AddInterfaceNotRunning("ether1");
            s.AddInterfaceNotRunning("wlan1");
            HealthFindings findings = HealthFindings.InterfaceDown | HealthFindings.LowMemory | HealthFindings.CpuLoadHigh;
            Assert.AreEqual(
                "cpu-load >= 98% for 12 samples; free memory below 3%; not running: ether1,wlan1",
                NewText().Findings(findings, s, 12));
            Assert.AreEqual("not running: interfaces", NewText().Findings(HealthFindings.InterfaceDown, null, 0));
        }

        /// <summary>Ping loss names the targets above the maximum.</summary>
        [TestMethod]
        public static void PingLossNamesTheTargets()
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Healthy(s, 1000);
            s.SetPingLoss(0, 50);
            s.SetPingLoss(1, 80);
            Assert.AreEqual("ping loss 198.51.100.1 80%", NewText().Findings(HealthFindings.PingLoss, s, 0));
            Assert.AreEqual("ping loss above 50%", NewText().Findings(HealthFindings.PingLoss, null, 0));
        }

        /// <summary>A probe problem says what failed and that it does not count.</summary>
        [TestMethod]
        public static void ProbeProblemSaysItDoesNotCount()
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            s.Reset();
            s.MarkFailed(ProbeFailure.LoginRejected, "bad password");
            Assert.AreEqual("login rejected: bad password (not counted)", DecisionText.ProbeProblem(s));
            s.MarkFailed(ProbeFailure.TlsRejected, null);
            Assert.AreEqual("TLS rejected (not counted)", DecisionText.ProbeProblem(s));
            Assert.AreEqual("probe error", DecisionText.Failure(ProbeFailure.ProbeError));
        }

        private static DecisionText NewText()
        {
            Esp32Watchdog.Configuration.WatchdogConfig config = TestConfigs.Valid();
            return new DecisionText(config, config.Routers[0]);
        }
    }
}
