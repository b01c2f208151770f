using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The decision texts of probe failures (what checks found is tested with each check).</summary>
    [TestClass]
    public class DecisionTextTests
    {
        /// <summary>A probe problem says what failed and that it does not count.</summary>
        [TestMethod]
        public static void ProbeProblemSaysItDoesNotCount()
        {
            HealthSample s = TestConfigs.NewSample();
            s.Reset();
            s.MarkFailed(ProbeFailure.LoginRejected, "bad password");
            Assert.AreEqual("login rejected: bad password (not counted)", DecisionText.ProbeProblem(s));
            s.MarkFailed(ProbeFailure.TlsRejected, null);
            Assert.AreEqual("TLS rejected (not counted)", DecisionText.ProbeProblem(s));
            Assert.AreEqual("probe error", DecisionText.Failure(ProbeFailure.ProbeError));
        }
    }
}
