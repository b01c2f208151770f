using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

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
            RouterReport r = rig.Status.GetRouter(0);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.State);
            Assert.IsTrue(r.HasSample);
            Assert.IsTrue(r.ApiReachable);
            Assert.AreEqual(12L, r.LastRound.Resource(0));
            Assert.AreEqual("cpu-load", r.Checks[0].Name);
            Assert.IsFalse(r.IsFailing(0));
            Assert.IsNull(r.LastDecision);

            rig.Router.CpuLoad = 100;
            Assert.IsTrue(rig.RunUntil(PolicyState.VerifyingReboot, 60), rig.Log.ToString());
            Assert.AreEqual(1L, r.Reboots);
            Assert.AreEqual(1, r.ActionsInWindow);
            Assert.AreEqual((int)RouterCondition.Acting, (int)r.Condition);
            Assert.AreEqual("RebootAccepted", Decision.NameOf(r.LastDecision.Code));
            Assert.Contains("cpu-load", rig.Router.LastRebootRequest.Reason);
            Assert.IsTrue(r.IsFailing(0), "the cpu-load check failed in the round that asked for the reboot");
            Assert.Contains("\"cpu-load\":{\"failing\":true,", rig.Json());
            Assert.Contains("\"state\":\"VerifyingReboot\"", rig.Json());
            Assert.Contains("watchdog_router_state{router=\"main\",state=\"VerifyingReboot\"} 1", rig.Metrics());

            rig.Router.CpuLoad = 12;
            Assert.IsTrue(rig.RunUntil(PolicyState.Monitoring, 30), rig.Log.ToString());
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
            Assert.IsTrue(rig.RunUntil(PolicyState.VerifyingPowerCycle, 60), rig.Log.ToString());
            RouterReport r = rig.Status.GetRouter(0);
            Assert.AreEqual(1L, r.PowerCycles);
            Assert.IsFalse(r.ApiReachable);
            Assert.Contains("\"api_reachable\":false", rig.Json());
            Assert.Contains("watchdog_router_api_reachable{router=\"main\"} 0", rig.Metrics());
        }

        /// <summary>Decisions go on to the next log; board decisions track the network.</summary>
        [TestMethod]
        public static void PassesDecisionsOnAndTracksTheBoardNetwork()
        {
            ManualClock clock = new ManualClock();
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
            Assert.AreEqual(1L, status.GetRouter(0).Reboots);
        }

        /// <summary>A round whose probe threw is still recorded (as a failed round): the status observes rounds, not probes.</summary>
        [TestMethod]
        public static void RoundWhoseProbeThrewIsRecorded()
        {
            StatusRig rig = new StatusRig();
            rig.Router.ThrowInProbe = true;
            rig.Step();
            Assert.AreEqual(1L, rig.Status.GetRouter(0).Probes);
            Assert.AreEqual(1L, rig.Status.GetRouter(0).ProbeFailures);
            Assert.AreEqual((int)ProbeFailure.ProbeError, (int)rig.Status.GetRouter(0).Failure);
        }
    }
}
