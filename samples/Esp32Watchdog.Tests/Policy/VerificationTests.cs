using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy
{
    /// <summary>After an action: the reboot or power-cycle must show in the router's uptime, or the next step follows.</summary>
    [TestClass]
    public class VerificationTests
    {
        /// <summary>Reboot verified when API returns with reset uptime.</summary>
        [TestMethod]
        public static void RebootVerifiedWhenApiReturnsWithResetUptime()
        {
            PolicyDriver d = StartReboot();
            Assert.AreEqual((int)PolicyAction.None, (int)d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now));
            Assert.AreEqual((int)PolicyAction.None, (int)d.UnreachableBy(ProbeFailure.ConnectFailed));
            Assert.AreEqual((int)PolicyAction.None, (int)d.UnreachableBy(ProbeFailure.ConnectFailed));
            d.RouterRestarts(20);
            Assert.AreEqual((int)PolicyAction.None, (int)d.Healthy());

            Assert.AreEqual((int)PolicyState.Monitoring, (int)d.Policy.State);
            d.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified);
        }

        /// <summary>Reboot not verified when uptime never resets.</summary>
        [TestMethod]
        public static void RebootNotVerifiedWhenUptimeNeverResets()
        {
            PolicyDriver d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);

            // The router keeps answering with its old uptime: the reboot never happened.
            int rounds = 0;
            while (d.Policy.State == PolicyState.VerifyingReboot)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.InterfaceDown());
                rounds++;
                Assert.IsTrue(rounds < 100);
            }

            Assert.AreEqual(10, rounds); // 5 min at 30 s
            Assert.AreEqual((int)DecisionCode.VerificationFailed, (int)d.Log.Last.Code);
            Assert.Contains("did not reset", d.Log.Last.Reason);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)d.Policy.State);
        }

        /// <summary>Api still dead after reboot falls back to power cycle.</summary>
        [TestMethod]
        public static void ApiStillDeadAfterRebootFallsBackToPowerCycle()
        {
            PolicyDriver d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            PolicyAction action;
            int rounds = d.RoundsUntilAction(d.Unreachable, 100, out action);

            Assert.AreEqual(20, rounds); // T2 = 10 min
            Assert.AreEqual((int)PolicyAction.PowerCycle, (int)action);
            d.Policy.OnPowerCycleDone(true, d.Now + 10000);
            d.RouterRestarts(30);
            d.Healthy();

            d.Log.AssertCodes(
                DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted,
                DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified);
            Assert.AreEqual(2, d.Policy.ActionsInWindow(d.Now));
        }

        /// <summary>Failed API reboot power cycles at once.</summary>
        [TestMethod]
        public static void FailedApiRebootPowerCyclesAtOnce()
        {
            PolicyDriver d = StartReboot();
            Assert.AreEqual((int)PolicyAction.PowerCycle, (int)d.Policy.OnRebootResult(RebootResult.Failed, d.Now));
            Assert.AreEqual((int)DecisionCode.RebootFailed, (int)d.Log.At(-2).Code);
            Assert.AreEqual((int)DecisionCode.PowerCycleRequested, (int)d.Log.Last.Code);
        }

        /// <summary>Failed API reboot without relay goes back to watching.</summary>
        [TestMethod]
        public static void FailedApiRebootWithoutRelayGoesBackToWatching()
        {
            PolicyDriver d = new PolicyDriver(TestConfigs.Valid(-1), false);
            d.RoundsUntilAnyAction(d.InterfaceDown, 20);
            Assert.AreEqual((int)PolicyAction.None, (int)d.Policy.OnRebootResult(RebootResult.Failed, d.Now));
            Assert.AreEqual((int)DecisionCode.ActionImpossible, (int)d.Log.Last.Code);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)d.Policy.State);
        }

        /// <summary>Power cycle that brings nothing back is reported and retried only after backoff.</summary>
        [TestMethod]
        public static void PowerCycleThatBringsNothingBackIsReportedAndRetriedOnlyAfterBackoff()
        {
            PolicyDriver d = new PolicyDriver();
            d.RoundsUntilAnyAction(d.Unreachable, 20);
            long firstActionAt = d.Now;
            d.Policy.OnPowerCycleDone(true, d.Now);
            int rounds = 0;
            while (d.Policy.State == PolicyState.VerifyingPowerCycle)
            {
                d.Unreachable();
                rounds++;
                Assert.IsTrue(rounds < 1000);
            }

            Assert.AreEqual(20, rounds); // 10 min
            Assert.AreEqual((int)DecisionCode.PowerCycleVerificationFailed, (int)d.Log.Last.Code);

            // Still dead: the next power-cycle waits for the hysteresis and the 15 min back-off.
            long failedAt = d.Now;
            PolicyAction action;
            d.RoundsUntilAction(d.Unreachable, 200, out action);
            Assert.AreEqual((int)PolicyAction.PowerCycle, (int)action);
            Assert.IsTrue(d.Now - failedAt >= 5 * 60000);
            Assert.IsTrue(d.Now - firstActionAt >= d.Policy.BackoffAfter(1));
        }

        /// <summary>Power cycle without effect blames the relay.</summary>
        [TestMethod]
        public static void PowerCycleWithoutEffectBlamesTheRelay()
        {
            PolicyDriver d = new PolicyDriver();
            d.RoundsUntilAnyAction(d.Unreachable, 20);
            d.Policy.OnPowerCycleDone(true, d.Now);
            d.Healthy(); // old uptime: the power was never cut
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.VerificationFailed));

            // Repeating a power-cycle that has no effect can only hurt another router: give up.
            Assert.AreEqual((int)DecisionCode.GivenUp, (int)d.Log.Last.Code);
            Assert.Contains("relay", d.Log.Last.Reason);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)d.Policy.State);
        }

        /// <summary>Relay error gives up.</summary>
        [TestMethod]
        public static void RelayErrorGivesUp()
        {
            PolicyDriver d = new PolicyDriver();
            d.RoundsUntilAnyAction(d.Unreachable, 20);
            d.Policy.OnPowerCycleDone(false, d.Now);
            Assert.AreEqual((int)PolicyState.GivenUp, (int)d.Policy.State);
            d.Log.AssertCodesFrom(2, DecisionCode.PowerCycleFailed, DecisionCode.GivenUp);
        }

        /// <summary>Board side probe errors during verification never cut power.</summary>
        [TestMethod]
        public static void BoardSideProbeErrorsDuringVerificationNeverCutPower()
        {
            PolicyDriver d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(() => d.UnreachableBy(ProbeFailure.ProbeError), 200));
            Assert.AreEqual((int)DecisionCode.VerificationFailed, (int)d.Log.Last.Code);
            Assert.Contains("cannot verify", d.Log.Last.Reason);
            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.PowerCycleRequested));
        }

        /// <summary>Refusal after reboot is not silence and never cuts power.</summary>
        [TestMethod]
        public static void RefusalAfterRebootIsNotSilenceAndNeverCutsPower()
        {
            PolicyDriver d = StartReboot();
            d.Policy.OnRebootResult(RebootResult.Rebooting, d.Now);
            Assert.AreEqual(-1, d.RoundsUntilAnyAction(() => d.UnreachableBy(ProbeFailure.LoginRejected), 200));
            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.PowerCycleRequested));
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.VerificationFailed));
        }

        /// <summary>A driver whose router has just been asked to reboot for a down interface.</summary>
        internal static PolicyDriver StartReboot()
        {
            PolicyDriver d = new PolicyDriver();
            PolicyAction action;
            Assert.AreEqual(4, d.RoundsUntilAction(d.InterfaceDown, 20, out action));
            Assert.AreEqual((int)PolicyAction.RebootViaApi, (int)action);
            Assert.AreEqual((int)PolicyState.VerifyingReboot, (int)d.Policy.State);
            return d;
        }
    }
}
