using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.RouterOs
{
    /// <summary>The firmware's API reboot against the scripted RouterOS, whatever way the router answers.</summary>
    [TestClass]
    public class RouterOsRebooterTests
    {
        /// <summary>!done then a closed connection, !fatal, or just a closed connection: all mean it is rebooting.</summary>
        [TestMethod]
        [DataRow((int)RebootAnswer.Done)]
        [DataRow((int)RebootAnswer.Fatal)]
        [DataRow((int)RebootAnswer.Drop)]
        public static void RebootIsRecognisedWhateverTheRouterAnswers(int answer)
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.RebootAnswer = (RebootAnswer)answer;
            Assert.IsTrue(rig.Round().ApiReachable);

            Assert.AreEqual((int)RebootResult.Rebooting, (int)rig.Rebooter.Reboot(null));
            Assert.AreEqual(1, rig.Router.RebootCommands);
            Assert.AreEqual(1, rig.Router.Boots);

            // While it boots the API is refused; then it answers with a fresh uptime.
            Assert.AreEqual((int)ProbeFailure.ConnectFailed, (int)rig.Round().Failure);
            rig.Clock.Advance(rig.Router.BootMilliseconds + 5000);
            HealthSample sample = rig.Round();
            Assert.IsTrue(sample.ApiReachable, sample.FailureDetail);
            Assert.IsTrue(sample.UptimeSeconds >= 0 && sample.UptimeSeconds <= 10, "uptime " + sample.UptimeSeconds.ToString());
        }

        /// <summary>A trap (no reboot policy) is a failure and nothing reboots.</summary>
        [TestMethod]
        public static void RebootRefusedByTheRouterIsAFailure()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.RebootAnswer = RebootAnswer.Trap;
            Assert.AreEqual((int)RebootResult.Failed, (int)rig.Rebooter.Reboot(null));
            Assert.AreEqual(1, rig.Router.RebootCommands);
            Assert.AreEqual(0, rig.Router.Boots);
        }

        /// <summary>No connection, no reboot.</summary>
        [TestMethod]
        public static void RebootOfAnUnreachableRouterIsAFailure()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.RefuseConnections = true;
            Assert.AreEqual((int)RebootResult.Failed, (int)rig.Rebooter.Reboot(null));
            Assert.AreEqual(0, rig.Router.RebootCommands);
        }

        /// <summary>A router that never answers the reboot has not rebooted: a failure after the timeout.</summary>
        [TestMethod]
        public static void RebootOfAStalledRouterIsAFailure()
        {
            ProbeRig rig = new ProbeRig();
            Assert.IsTrue(rig.Round().ApiReachable);
            rig.Router.Stalled = true;
            Assert.AreEqual((int)RebootResult.Failed, (int)rig.Rebooter.Reboot(null));
            Assert.AreEqual(0, rig.Router.Boots);
        }
    }
}
