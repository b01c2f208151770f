using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy.Rules
{
    /// <summary>The verification rule alone: the verdict of one round after a reboot or power-cycle.</summary>
    [TestClass]
    public class RecoveryVerifierTests
    {
        // Defaults: reboot verified within 5 min, fallback after 10 min, power-cycle verified within 10 min.
        private const long Minute = 60000;

        /// <summary>A small uptime or one that went backwards verifies either action.</summary>
        [TestMethod]
        public static void RestartedRouterIsVerified()
        {
            RecoveryVerifier v = new RecoveryVerifier(TestConfigs.Valid());
            Assert.AreEqual((int)VerificationOutcome.Verified, (int)v.Judge(Answering(20), false, Minute, false));
            Assert.AreEqual((int)VerificationOutcome.Verified, (int)v.Judge(Answering(20), false, Minute, true));
            Assert.AreEqual((int)VerificationOutcome.Verified, (int)v.Judge(Answering(86400), true, Minute, false));

            // The uptime may exceed the elapsed time by the probe timeout (15 s).
            Assert.AreEqual((int)VerificationOutcome.Verified, (int)v.Judge(Answering(75), false, Minute, false));
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Answering(76), false, Minute, false));
        }

        /// <summary>A silent router after an API reboot is waited for until the fallback is due.</summary>
        [TestMethod]
        public static void SilenceAfterRebootLeadsToTheFallback()
        {
            RecoveryVerifier v = new RecoveryVerifier(TestConfigs.Valid());
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Failed(ProbeFailure.Timeout), false, (10 * Minute) - 1, false));
            Assert.AreEqual((int)VerificationOutcome.FallbackDue, (int)v.Judge(Failed(ProbeFailure.ConnectFailed), false, 10 * Minute, false));
        }

        /// <summary>A silent router after a power-cycle times out; there is no further step.</summary>
        [TestMethod]
        public static void SilenceAfterPowerCycleTimesOut()
        {
            RecoveryVerifier v = new RecoveryVerifier(TestConfigs.Valid());
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Failed(ProbeFailure.Timeout), false, (10 * Minute) - 1, true));
            Assert.AreEqual((int)VerificationOutcome.PowerCycleNotBack, (int)v.Judge(Failed(ProbeFailure.Timeout), false, 10 * Minute, true));
        }

        /// <summary>A board-side probe error is no evidence: only the deadline ends the wait.</summary>
        [TestMethod]
        public static void ProbeErrorWaitsForTheDeadline()
        {
            RecoveryVerifier v = new RecoveryVerifier(TestConfigs.Valid());
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Failed(ProbeFailure.ProbeError), false, (5 * Minute) - 1, false));
            Assert.AreEqual((int)VerificationOutcome.CannotVerify, (int)v.Judge(Failed(ProbeFailure.ProbeError), false, 5 * Minute, false));
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Failed(ProbeFailure.ProbeError), false, (10 * Minute) - 1, true));
            Assert.AreEqual((int)VerificationOutcome.CannotVerify, (int)v.Judge(Failed(ProbeFailure.ProbeError), false, 10 * Minute, true));
        }

        /// <summary>An answering router whose uptime did not reset fails the reboot at the deadline.</summary>
        [TestMethod]
        public static void OldUptimeAfterRebootFailsAtTheDeadline()
        {
            RecoveryVerifier v = new RecoveryVerifier(TestConfigs.Valid());
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Answering(86400), false, (5 * Minute) - 1, false));
            Assert.AreEqual((int)VerificationOutcome.UptimeNotReset, (int)v.Judge(Answering(86400), false, 5 * Minute, false));
            Assert.AreEqual((int)VerificationOutcome.UptimeUnknown, (int)v.Judge(Failed(ProbeFailure.LoginRejected), false, 5 * Minute, false));
        }

        /// <summary>After a power-cycle an old uptime means the relay did nothing: no waiting.</summary>
        [TestMethod]
        public static void OldUptimeAfterPowerCycleIsNoEffect()
        {
            RecoveryVerifier v = new RecoveryVerifier(TestConfigs.Valid());
            Assert.AreEqual((int)VerificationOutcome.PowerCycleNoEffect, (int)v.Judge(Answering(86400), false, Minute, true));

            // A refusal answers but shows no uptime: wait for the deadline.
            Assert.AreEqual((int)VerificationOutcome.Waiting, (int)v.Judge(Failed(ProbeFailure.TlsRejected), false, Minute, true));
            Assert.AreEqual((int)VerificationOutcome.UptimeUnknown, (int)v.Judge(Failed(ProbeFailure.TlsRejected), false, 10 * Minute, true));
        }

        private static HealthSample Answering(long uptimeSeconds)
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Healthy(s, uptimeSeconds);
            return s;
        }

        private static HealthSample Failed(ProbeFailure failure)
        {
            HealthSample s = HealthEvaluatorTests.NewSample();
            TestConfigs.Unreachable(s, failure);
            return s;
        }
    }
}
