using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>The button's gestures on the supervisor: acknowledge, and the board-side maintenance trigger.</summary>
    [TestClass]
    public class ButtonGestureTests
    {
        /// <summary>The maintenance gesture starts a hold on every router; the same gesture ends it.</summary>
        [TestMethod]
        public static void MaintenanceGestureTogglesAHold()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Step();
            r.Supervisor.OnButton(ButtonGesture.Maintenance);
            Assert.AreEqual((int)PolicyState.Maintenance, (int)r.Supervisor.GetRouter(0).Policy.State);
            Assert.AreEqual((int)DecisionCode.MaintenanceStarted, (int)r.Log.Last.Code);

            // An upgrade keeps the API silent for 5 minutes: no power-cycle.
            r.Router.ApiHung = true;
            r.RunFor(10);
            Assert.AreEqual(0, r.Router.PowerCycles + r.Router.Reboots);

            r.Router.ApiHung = false;
            r.Supervisor.OnButton(ButtonGesture.Maintenance);
            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
        }

        /// <summary>The acknowledge gesture clears a given-up router; no gesture does nothing.</summary>
        [TestMethod]
        public static void AcknowledgeGestureClearsGivenUp()
        {
            SupervisorRig r = new SupervisorRig(false);
            r.Router.ApiHung = true;
            r.Router.CpuLoad = 100;
            r.RunFor(600);
            r.Supervisor.OnButton(ButtonGesture.None);
            PolicyState before = r.Supervisor.GetRouter(0).Policy.State;
            r.Supervisor.OnButton(ButtonGesture.Acknowledge);
            if (before == PolicyState.GivenUp)
            {
                Assert.AreEqual((int)DecisionCode.GivenUpCleared, (int)r.Log.Last.Code);
            }

            Assert.AreEqual((int)PolicyState.Monitoring, (int)r.Supervisor.GetRouter(0).Policy.State);
        }

        /// <summary>A stuck button is reported as a board decision.</summary>
        [TestMethod]
        public static void StuckButtonIsReported()
        {
            SupervisorRig r = new SupervisorRig(true);
            r.Supervisor.ReportButtonStuck();
            Assert.AreEqual((int)DecisionCode.ButtonStuck, (int)r.Log.Last.Code);
            Assert.AreEqual(Decision.Board, r.Log.Last.RouterIndex);
        }
    }
}
