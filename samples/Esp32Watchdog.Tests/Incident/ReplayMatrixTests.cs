using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Incident
{
    /// <summary>
    /// The fail-safety replay: the real supervisor, policy and kept judgement against a simulated
    /// router, for 24 h of virtual time, for every router behaviour × every pattern of board
    /// resets (a reset = the watchdog rebuilt from the same flash after a boot delay, see
    /// <see cref="ResetRig"/>). Each row prints "power-cycles / API reboots / given-up" per column;
    /// the watchdog README carries the table. Shipped defaults: 3 actions per 6 h, 10 min grace.
    /// </summary>
    [TestClass]
    public class ReplayMatrixTests
    {
        private const long Minute = 60000;
        private const long Hour = 60 * Minute;

        private const int DeadForGood = 0;
        private const int ApiSilentButAlive = 1;
        private const int ApiRefusedButAlive = 2;
        private const int HangsAfterEachBoot = 3;
        private const int Flapping = 4;
        private const int CpuPegged = 5;
        private const int UplinkPulled = 6;
        private const int RebootRefused = 7;

        private static readonly string[] RowNames = new string[]
        {
            "dead for good", "API silent but alive", "API refused but alive", "hangs 10 min after each boot",
            "flapping", "CPU pegged", "uplink pulled (report-only check)", "reboot refused",
        };

        private const int NoResets = 0;
        private const int BrownOutOnEachRelaySwitch = 1;
        private const int ResetEvery6h = 2;
        private const int ResetEvery1h = 3;

        private static readonly string[] ColumnNames = new string[] { "no resets", "brown-out per relay switch", "reset every 6 h", "reset every 1 h" };

        /// <summary>One row of the table: no cell over the budget; a dead router given up and kept given up across resets; an alive router never power-cut.</summary>
        [TestMethod]
        [DataRow(DeadForGood)]
        [DataRow(ApiSilentButAlive)]
        [DataRow(ApiRefusedButAlive)]
        [DataRow(HangsAfterEachBoot)]
        [DataRow(Flapping)]
        [DataRow(CpuPegged)]
        [DataRow(UplinkPulled)]
        [DataRow(RebootRefused)]
        public static void RouterBehaviourAcrossBoardResets(int row)
        {
            string line = "| " + RowNames[row] + " |";
            for (int column = 0; column < ColumnNames.Length; column++)
            {
                ResetRig rig = Play(row, column);
                int givenUp = rig.Log.CountOf(DecisionCode.GivenUp);
                line += " " + rig.PowerCycles.ToString() + " / " + rig.Reboots.ToString() + " / " + givenUp.ToString() + " |";
                string cell = RowNames[row] + ", " + ColumnNames[column] + ": ";

                Assert.IsTrue(rig.MostActionsInAnyWindow(6 * Hour) <= 3, cell + "over the budget of 3 actions per 6 h");
                if (row == DeadForGood || row == HangsAfterEachBoot)
                {
                    Assert.AreEqual((int)PolicyState.GivenUp, (int)rig.Supervisor.GetRouter(0).Policy.State, cell + "not given up");
                    Assert.AreEqual(1, givenUp, cell + "given up more than once: a reset forgot it");
                }
                else
                {
                    Assert.AreEqual(0, rig.PowerCycles, cell + "a living router's power was cut");
                }

                if (row == UplinkPulled)
                {
                    Assert.AreEqual(0, rig.Reboots, cell + "a report-only finding was acted on");
                    Assert.IsTrue(rig.Log.CountOf(DecisionCode.ReportOnlyFinding) >= 1, cell + "the pulled uplink was not reported");
                }
            }

            OutputHelper.WriteLine(line);
        }

        // The shipped grace and budget; the uplink row watches its uplink with a report-only check:
        // a pulled cable is what a reboot cannot fix.
        private static WatchdogConfig Config(int row)
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.StartupGraceMilliseconds = 600000;
            config.RelayOffMilliseconds = 10000;
            if (row == UplinkPulled)
            {
                config.Routers[0].Checks = new IHealthCheck[]
                {
                    new RequiredInterfacesCheck { Name = "uplink", Interfaces = new object[] { "ether1" }, ReportOnly = true },
                };
            }

            return config;
        }

        private static ResetRig Play(int row, int column)
        {
            ResetRig rig = new ResetRig(Config(row));
            SimRouter router = rig.Router;
            switch (row)
            {
                case DeadForGood:
                    router.StaysDead = true;
                    break;
                case ApiSilentButAlive:
                    router.ApiHung = true;
                    router.SecondPortAnswers = true;
                    break;
                case ApiRefusedButAlive:
                    router.RefusesApi = true;
                    router.SecondPortAnswers = true;
                    break;
                case CpuPegged:
                    router.CpuLoad = 100;
                    router.CpuSticky = true;
                    break;
                case UplinkPulled:
                    router.InterfaceDown = true;
                    break;
                case RebootRefused:
                    router.CpuLoad = 100;
                    router.CpuSticky = true;
                    router.RefusesReboot = true;
                    break;
            }

            rig.BrownOutOnRelay = column == BrownOutOnEachRelaySwitch;
            long resetEvery = column == ResetEvery6h ? 6 * Hour : column == ResetEvery1h ? Hour : 0;
            long until = rig.World.NowMilliseconds + 24 * Hour;
            long nextReset = resetEvery > 0 ? rig.World.NowMilliseconds + resetEvery : long.MaxValue;
            long bootedAt = rig.World.NowMilliseconds;
            int cuts = 0;
            while (rig.World.NowMilliseconds < until)
            {
                rig.Step();
                if (rig.World.NowMilliseconds >= nextReset)
                {
                    rig.Reset();
                    nextReset = rig.World.NowMilliseconds + resetEvery;
                }

                if (row == HangsAfterEachBoot)
                {
                    // Wholly hung (no port answers) 10 min after each boot, until its power is cut.
                    if (rig.PowerCycles != cuts)
                    {
                        cuts = rig.PowerCycles;
                        bootedAt = rig.World.NowMilliseconds;
                    }

                    router.ApiHung = rig.World.NowMilliseconds - bootedAt > 10 * Minute;
                }
                else if (row == Flapping)
                {
                    // A watched interface up and down every minute.
                    router.InterfaceDown = (rig.World.NowMilliseconds / Minute) % 2 == 0;
                }
            }

            return rig;
        }
    }
}
