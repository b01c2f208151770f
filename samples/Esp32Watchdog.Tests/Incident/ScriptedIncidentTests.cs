using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
using Esp32Watchdog.Tests.Support;
using Mikrotik.Nano;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Incident
{
    /// <summary>
    /// The demo's scripted incident (samples/Esp32Watchdog/Host), end to end in virtual time: healthy; at
    /// 30 s the CPU pegs until the watchdog reboots the router through the API; recovery; at 150 s
    /// the API stops answering (connection open, nothing comes back) until the watchdog cuts the
    /// power through the relay; recovery. Fifteen virtual minutes, no sleeps.
    /// </summary>
    [TestClass]
    public class ScriptedIncidentTests
    {
        private const int CpuPeggedAtSeconds = 30;
        private const int ApiStallsAtSeconds = 150;
        private const int RunSeconds = 15 * 60;

        /// <summary>The decisions the incident must produce, in order, and nothing else (as samples/Esp32Watchdog/Host's DemoRun.Expected).</summary>
        internal static readonly DecisionCode[] Expected = new DecisionCode[]
        {
            DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified,
            DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified,
        };

        /// <summary>Exactly the expected decisions, whichever way the router answers the reboot.</summary>
        [TestMethod]
        [DataRow((int)RebootAnswer.Done)]
        [DataRow((int)RebootAnswer.Fatal)]
        [DataRow((int)RebootAnswer.Drop)]
        public static void IncidentProducesExactlyTheExpectedDecisions(int rebootAnswer)
        {
            IncidentRig rig = new IncidentRig(null);
            rig.Router.RebootAnswer = (RebootAnswer)rebootAnswer;
            Play(rig);

            rig.Log.AssertCodes(Expected);
            Assert.Contains("cpu-load", rig.Log.At(1).Reason);
            Assert.Contains("API unreachable (timeout)", rig.Log.At(5).Reason);
            Assert.AreEqual(1, rig.Router.RebootCommands);
            Assert.AreEqual(1, rig.Router.PowerCycles);
            Assert.AreEqual(2, rig.Router.Boots);
            Assert.AreEqual(0, rig.BoardReset.Calls);
            Assert.AreEqual((int)LedPattern.Healthy, (int)rig.Supervisor.LedPattern);
            Assert.AreEqual(
                FakeLed.Of(LedPattern.Healthy, LedPattern.Degraded, LedPattern.Acting, LedPattern.Healthy, LedPattern.Degraded, LedPattern.Acting, LedPattern.Healthy),
                rig.Led.Sequence());
        }

        /// <summary>When each step happens: nothing before the fault, action only after the hysteresis, recovery within the verification time.</summary>
        [TestMethod]
        public static void DecisionsComeInTheirTimeWindows()
        {
            IncidentRig rig = new IncidentRig(null);
            Play(rig);
            for (int i = 0; i < rig.Log.Count; i++)
            {
                OutputHelper.WriteLine("+" + Seconds(rig, i).ToString() + "s " + Decision.NameOf(rig.Log.At(i).Code) + ": " + rig.Log.At(i).Reason);
            }

            rig.Log.AssertCodes(Expected);

            // CPU: 3 samples make the finding, the 3rd unhealthy round acts (interval 5 s).
            long degraded = Seconds(rig, 0);
            long reboot = Seconds(rig, 1);
            Assert.IsTrue(degraded >= CpuPeggedAtSeconds + 10 && degraded <= CpuPeggedAtSeconds + 15, "cpu finding at " + degraded.ToString());
            Assert.IsTrue(reboot >= degraded + 10 && reboot <= degraded + 15, "reboot at " + reboot.ToString());
            long recovered = Seconds(rig, 3);
            Assert.IsTrue(recovered >= reboot + 20 && recovered <= reboot + 60, "recovered at " + recovered.ToString());

            // API dead: each round waits out the 10 s probe timeout; 4 rounds, then the relay.
            long silent = Seconds(rig, 4);
            long powerCycle = Seconds(rig, 5);
            Assert.IsTrue(silent >= ApiStallsAtSeconds && silent <= ApiStallsAtSeconds + 20, "API silent at " + silent.ToString());
            Assert.IsTrue(powerCycle >= silent + 30 && powerCycle <= silent + 60, "power-cycle at " + powerCycle.ToString());
            long recoveredAgain = Seconds(rig, 7);
            Assert.IsTrue(recoveredAgain >= powerCycle + 25 && recoveredAgain <= powerCycle + 90, "recovered at " + recoveredAgain.ToString());
        }

        /// <summary>The same incident with the small client buffers of the README's memory budget.</summary>
        [TestMethod]
        public static void IncidentWithSmallClientBuffers()
        {
            IncidentRig rig = new IncidentRig(SmallConnection());
            Play(rig);
            rig.Log.AssertCodes(Expected);
        }

        /// <summary>The README's small client options: receive 1024, transmit 256, command 128, 24 words, 2 slots.</summary>
        internal static ConnectionOptions SmallConnection()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.ReceiveBufferSize = 1024;
            options.TransmitBufferSize = 256;
            options.CommandBufferSize = 128;
            options.MaxWordsPerSentence = 24;
            options.TagSlots = 2;
            return options;
        }

        // Plays the script on the virtual clock.
        private static void Play(IncidentRig rig)
        {
            bool pegged = false;
            bool stalled = false;
            while (rig.Seconds < RunSeconds)
            {
                if (!pegged && rig.Seconds >= CpuPeggedAtSeconds)
                {
                    pegged = true;
                    rig.Router.CpuLoad = 100;
                }

                if (!stalled && rig.Seconds >= ApiStallsAtSeconds)
                {
                    stalled = true;
                    rig.Router.Stalled = true;
                }

                rig.Step();
            }
        }

        private static long Seconds(IncidentRig rig, int decision)
        {
            return (rig.Log.At(decision).AtMilliseconds - rig.Start) / 1000;
        }
    }
}
