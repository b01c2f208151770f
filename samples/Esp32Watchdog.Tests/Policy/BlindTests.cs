using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Policy
{
    /// <summary>A router that answers but cannot be used is reported Blind, never acted on, and reminded of.</summary>
    [TestClass]
    public class BlindTests
    {
        /// <summary>N refused logins in a row make the router Blind (once), reminders follow, a usable round ends it; never an action.</summary>
        [TestMethod]
        [DataRow((int)ProbeFailure.LoginRejected)]
        [DataRow((int)ProbeFailure.TlsRejected)]
        [DataRow((int)ProbeFailure.ServiceDown)]
        [DataRow((int)ProbeFailure.ProbeError)]
        public static void UnusableRoundsMakeTheRouterBlind(int failure)
        {
            PolicyDriver d = new PolicyDriver();
            int limit = d.Config.BlindRoundsBeforeReport;
            for (int i = 1; i < limit; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.UnreachableBy((ProbeFailure)failure));
                Assert.AreEqual((int)RouterCondition.Healthy, (int)d.Policy.Condition);
            }

            Assert.AreEqual((int)PolicyAction.None, (int)d.UnreachableBy((ProbeFailure)failure));
            Assert.AreEqual((int)RouterCondition.Blind, (int)d.Policy.Condition);
            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.Blind));

            // Two hours more: two reminders, never an action.
            int rounds = (int)(2L * d.Config.GivenUpReminderMilliseconds / d.Interval);
            for (int i = 0; i < rounds; i++)
            {
                Assert.AreEqual((int)PolicyAction.None, (int)d.UnreachableBy((ProbeFailure)failure));
            }

            Assert.AreEqual(1, d.Log.CountOf(DecisionCode.Blind));
            Assert.AreEqual(2, d.Log.CountOf(DecisionCode.BlindReminder));

            d.Healthy();
            Assert.AreEqual((int)RouterCondition.Healthy, (int)d.Policy.Condition);
            Assert.AreEqual((int)DecisionCode.BlindEnded, (int)d.Log.Last.Code);
        }

        /// <summary>Silence is not blindness: unreachable rounds count towards an action and never make the router Blind.</summary>
        [TestMethod]
        public static void SilenceIsNotBlindness()
        {
            PolicyDriver d = new PolicyDriver();
            for (int i = 0; i < d.Config.BlindRoundsBeforeReport + 2; i++)
            {
                d.Unreachable();
            }

            Assert.AreEqual(0, d.Log.CountOf(DecisionCode.Blind));
            Assert.IsFalse(d.Policy.Condition == RouterCondition.Blind);
        }

        /// <summary>The LED shows Blind, which ranks above Degraded and below Acting, and returns to Healthy when the login works again.</summary>
        [TestMethod]
        public static void TheLedShowsBlind()
        {
            SupervisorRig rig = new SupervisorRig(true);
            rig.Router.RefusesLogin = true;
            rig.RunFor(30);
            Assert.AreEqual((int)LedPattern.Blind, (int)rig.Supervisor.LedPattern);
            Assert.AreEqual(0, rig.Router.Reboots + rig.Router.PowerCycles);
            rig.Router.RefusesLogin = false;
            rig.RunFor(5);
            Assert.AreEqual((int)LedPattern.Healthy, (int)rig.Supervisor.LedPattern);
            Assert.IsTrue(RouterConditions.Severity(RouterCondition.Blind) > RouterConditions.Severity(RouterCondition.Degraded));
            Assert.IsTrue(RouterConditions.Severity(RouterCondition.Blind) < RouterConditions.Severity(RouterCondition.Acting));
        }
    }
}
