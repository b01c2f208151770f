using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Status.Report
{
    /// <summary>The status follows an incident as the watch loop feeds it, and passes every decision on.</summary>
    [TestClass]
    public class WatchdogStatusTests
    {
        /// <summary>Healthy, then CPU pegged until the API reboot, then recovery: state and counters follow.</summary>
        [TestMethod]
        public static void FollowsARebootIncident()
        {
            StatusRig rig = new StatusRig();
            rig.Step();
            RouterSnapshot r = rig.Status.GetRouter(0);
            Assert.AreEqual((int)RouterState.Monitoring, (int)r.State);
            Assert.IsTrue(r.HasSample);
            Assert.IsTrue(r.ApiReachable);
            Assert.AreEqual(12, r.CpuLoadPercent);
            Assert.IsNull(r.LastDecision);

            rig.Router.CpuLoad = 100;
            Assert.IsTrue(rig.RunUntil(RouterState.VerifyingReboot, 60), rig.Log.ToString());
            Assert.AreEqual(1L, r.Reboots);
            Assert.AreEqual(1, r.ActionsInWindow);
            Assert.AreEqual((int)RouterStatus.Acting, (int)r.Status);
            Assert.AreEqual("RebootAccepted", Decision.NameOf(r.LastDecision.Code));
            Assert.Contains("cpu-load", rig.Status.RebootReason(0));
            Assert.Contains("\"state\":\"VerifyingReboot\"", rig.Json());
            Assert.Contains("watchdog_router_state{router=\"main\",state=\"VerifyingReboot\"} 1", rig.Metrics());

            rig.Router.CpuLoad = 12;
            Assert.IsTrue(rig.RunUntil(RouterState.Monitoring, 30), rig.Log.ToString());
            Assert.AreEqual("RecoveryVerified", Decision.NameOf(r.LastDecision.Code));
            Assert.AreEqual(rig.Log.Count, (int)r.Decisions);
            Assert.IsTrue(r.Probes > 10);
            Assert.IsTrue(r.ProbeFailures >= 1, "the router was down while it rebooted");
            Assert.Contains("watchdog_router_reboots_total{router=\"main\"} 1", rig.Metrics());
        }

        /// <summary>A power-cycle incident: the API hangs; the status shows the power-cycle being verified.</summary>
        [TestMethod]
        public static void FollowsAPowerCycleIncident()
        {
            StatusRig rig = new StatusRig();
            rig.Step();
            rig.Router.ApiHung = true;
            Assert.IsTrue(rig.RunUntil(RouterState.VerifyingPowerCycle, 60), rig.Log.ToString());
            RouterSnapshot r = rig.Status.GetRouter(0);
            Assert.AreEqual(1L, r.PowerCycles);
            Assert.IsFalse(r.ApiReachable);
            Assert.Contains("\"api_reachable\":false", rig.Json());
            Assert.Contains("watchdog_router_api_reachable{router=\"main\"} 0", rig.Metrics());
        }

        /// <summary>Decisions go on to the next log; board decisions track the network.</summary>
        [TestMethod]
        public static void PassesDecisionsOnAndTracksTheBoardNetwork()
        {
            FakeClock clock = new FakeClock();
            RecordingLog next = new RecordingLog();
            WatchdogStatus status = new WatchdogStatus(TestConfigs.Valid(26), next, clock);
            status.Record(new Decision(DecisionCode.BoardNetworkDown, Decision.Board, "board", "paused", 5));
            Assert.IsFalse(status.NetworkUp);
            status.Record(new Decision(DecisionCode.BoardNetworkUp, Decision.Board, "board", "resuming", 6));
            Assert.IsTrue(status.NetworkUp);
            status.Record(new Decision(DecisionCode.RebootRequested, 0, "main", "why", 7));
            status.Record(new Decision(DecisionCode.GivenUp, 0, "main", "enough", 8));
            Assert.AreEqual(4, next.Count);
            Assert.AreEqual(2L, status.BoardDecisions);
            Assert.AreEqual(1L, status.GetRouter(0).GiveUps);
            Assert.AreEqual("why", status.RebootReason(0));
            Assert.IsNull(status.RebootReason(5));
        }

        /// <summary>A probe that throws is still recorded (as a failed round) and the exception goes on to the supervisor.</summary>
        [TestMethod]
        public static void StatusProbeRecordsEvenWhenTheProbeThrows()
        {
            FakeClock clock = new FakeClock();
            HealthSample sample;
            WatchdogStatus status = StatusRig.Manual(clock, out sample);
            SimRouter router = new SimRouter(clock);
            router.ThrowInProbe = true;
            StatusProbe probe = new StatusProbe(router, status, 0);
            sample.Reset();
            bool threw = false;
            try
            {
                probe.Probe(sample);
            }
            catch (System.Exception)
            {
                threw = true;
            }

            Assert.IsTrue(threw);
            Assert.AreEqual(1L, status.GetRouter(0).Probes);
            Assert.AreEqual(1L, status.GetRouter(0).ProbeFailures);
        }
    }
}
