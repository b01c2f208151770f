using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Incident
{
    /// <summary>
    /// The demo's incident on the wire (as <see cref="ScriptedIncidentTests"/>), played against a
    /// router that is alive: its API hangs but its second port answers, or it refuses the reboot.
    /// Either way its power is never cut.
    /// </summary>
    [TestClass]
    public class ProofOfLifeIncidentTests
    {
        /// <summary>The API hangs at 150 s, the kernel still answers on 8291: "API service down", never a power cut.</summary>
        [TestMethod]
        public static void AHungApiOnALivingRouterIsReportedNotCut()
        {
            IncidentRig rig = new IncidentRig(null);
            rig.Router.SecondPortAnswers = true;
            Play(rig, 30, 150, 60 * 60);

            Assert.AreEqual(0, rig.Router.PowerCycles);
            Assert.AreEqual(0, rig.Log.CountOf(DecisionCode.PowerCycleRequested));
            Assert.IsTrue(rig.Router.Knocks > 0);
            bool said = false;
            for (int i = 0; i < rig.Log.Count; i++)
            {
                said = said || (rig.Log.At(i).Code == DecisionCode.ProbeProblem && rig.Log.At(i).Reason.IndexOf("API service down") >= 0);
            }

            Assert.IsTrue(said, "no 'API service down' decision");
        }

        /// <summary>The router answers /system/reboot with a trap ("not enough permissions"): refused, and no relay follows.</summary>
        [TestMethod]
        public static void ARefusedRebootIsNeverFollowedByThePowerCut()
        {
            IncidentRig rig = new IncidentRig(null);
            rig.Router.RebootAnswer = RebootAnswer.Trap;
            Play(rig, 30, -1, 60 * 60);

            Assert.IsTrue(rig.Log.CountOf(DecisionCode.RebootRefused) >= 1);
            Assert.AreEqual(0, rig.Log.CountOf(DecisionCode.RebootFailed));
            Assert.AreEqual(0, rig.Router.PowerCycles);
            Assert.AreEqual(0, rig.Router.Boots);
        }

        // CPU pegged from cpuAt, API stalled from stallAt (-1: never), for runSeconds of virtual time.
        private static void Play(IncidentRig rig, int cpuAt, int stallAt, int runSeconds)
        {
            while (rig.Seconds < runSeconds)
            {
                if (rig.Seconds >= cpuAt && rig.Router.CpuLoad != 100 && rig.Router.RebootCommands == 0)
                {
                    rig.Router.CpuLoad = 100;
                }

                if (stallAt >= 0 && rig.Seconds >= stallAt)
                {
                    rig.Router.Stalled = true;
                }

                rig.Step();
            }
        }
    }
}
