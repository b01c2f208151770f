// Device-only: needs nanoFramework.Runtime.Native (GC.Run), which cannot be restored on build
// machines. Listed in Esp32Watchdog.Tests.nfproj, excluded from the host build; runs on nanoCLR
// (bash ../shared/nanolab/tools/nftest.sh .) and on a board.
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Incident;
using Esp32Watchdog.Tests.Support;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using nanoFramework.TestFramework;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace Esp32Watchdog.Tests.Platform
{
    /// <summary>
    /// The watchdog's heap on the real runtime, measured with <c>GC.Run(false)</c> (free bytes after
    /// a full collection, so garbage does not count, only what stays): nothing retained over 1,000
    /// healthy probe rounds, and its footprint with one router.
    /// </summary>
    [TestClass]
    public class WatchdogMemoryTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 1000;

        /// <summary>1,000 healthy probe rounds of the whole watchdog (supervisor, policy, probe, client) leave the free heap exactly as it was.</summary>
        [TestMethod]
        public static void HealthyProbeRoundsDoNotGrowTheHeap()
        {
            IncidentRig rig = new IncidentRig(null);
            RunRounds(rig, WarmUpRounds);

            uint before = SettledFreeHeap();
            RunRounds(rig, MeasuredRounds);
            uint after = SettledFreeHeap();

            OutputHelper.WriteLine("free heap before " + MeasuredRounds.ToString() + " healthy rounds: " + before.ToString()
                + " B; after: " + after.ToString() + " B; growth: " + ((int)before - (int)after).ToString() + " B");
            Assert.AreEqual(0, rig.Log.Count, rig.Log.ToString());
            Assert.AreEqual(1, rig.Router.Connections);
            Assert.AreEqual((int)before, (int)after, "heap growth over healthy rounds");
        }

        /// <summary>The same with the small client buffers: nothing retained either.</summary>
        [TestMethod]
        public static void HealthyProbeRoundsWithSmallBuffersDoNotGrowTheHeap()
        {
            IncidentRig rig = new IncidentRig(ScriptedIncidentTests.SmallConnection());
            RunRounds(rig, WarmUpRounds);
            uint before = SettledFreeHeap();
            RunRounds(rig, MeasuredRounds);
            uint after = SettledFreeHeap();
            OutputHelper.WriteLine("small client buffers: free heap before " + MeasuredRounds.ToString() + " healthy rounds: " + before.ToString()
                + " B; after: " + after.ToString() + " B; growth: " + ((int)before - (int)after).ToString() + " B");
            Assert.AreEqual(0, rig.Log.Count, rig.Log.ToString());
            Assert.AreEqual((int)before, (int)after, "heap growth over healthy rounds");
        }

        /// <summary>
        /// The demo's checks (its free-memory floor in bytes among them) and a report-only uplink
        /// that stays down: after its one decision, 1,000 rounds leave the free heap as it was.
        /// </summary>
        [TestMethod]
        public static void NewChecksDoNotGrowTheHeap()
        {
            IncidentRig rig = new IncidentRig(null, new Esp32Watchdog.Health.RequiredInterfacesCheck { Name = "uplink", Interfaces = new object[] { "lte1" }, ReportOnly = true });
            rig.Router.InterfaceNames = new string[] { "ether1", "lte1" };
            rig.Router.InterfaceRunning = new bool[] { true, false };
            rig.Router.InterfaceDisabled = new bool[] { false, false };
            RunRounds(rig, WarmUpRounds);
            uint before = SettledFreeHeap();
            RunRounds(rig, MeasuredRounds);
            uint after = SettledFreeHeap();
            OutputHelper.WriteLine("new checks: free heap before " + MeasuredRounds.ToString() + " rounds: " + before.ToString()
                + " B; after: " + after.ToString() + " B; growth: " + ((int)before - (int)after).ToString() + " B");
            Assert.AreEqual(1, rig.Log.Count, rig.Log.ToString());
            Assert.AreEqual((int)DecisionCode.ReportOnlyFinding, (int)rig.Log.Last.Code);
            Assert.AreEqual((int)before, (int)after, "heap growth over rounds with a report-only finding");
        }

        /// <summary>Peak footprint of the watchdog with one router and the default client buffers (printed).</summary>
        [TestMethod]
        public static void FootprintWithDefaultClientBuffers()
        {
            int peak = MeasureFootprint("default", null);
            Assert.IsTrue(peak > 4096 && peak < 48 * 1024, "peak " + peak.ToString());
        }

        /// <summary>Peak footprint with the small client buffers (printed): smaller than the default.</summary>
        [TestMethod]
        public static void FootprintWithSmallClientBuffers()
        {
            int small = MeasureFootprint("small", ScriptedIncidentTests.SmallConnection());
            int normal = MeasureFootprint("default", null);
            Assert.IsTrue(small > 0 && small < normal, "small " + small.ToString() + " default " + normal.ToString());
        }

        // Builds the watchdog as Platform/Program.cs wires it (configuration, client, session, probe,
        // rebooter, supervisor and policy, board watchdog, log and LED) and runs its first probe round
        // (login, resource, interfaces, two pings). Returns free heap before construction minus
        // free heap at that peak, less the in-memory connection (on a board: the socket's).
        private static int MeasureFootprint(string name, ConnectionOptions connection)
        {
            ManualClock clock = new ManualClock { NowMilliseconds = 1000000 };
            ScriptedRouterOs router = new ScriptedRouterOs(clock);
            int transport = TransportCost(router);

            uint before = SettledFreeHeap();
            WatchdogConfig config = ProbeRig.Watching(new object[] { "ether1", "ether2", "wlan1" }, new object[] { "1.1.1.1", "9.9.9.9" });
            RecordingLog log = new RecordingLog();
            FakeBoardReset reset = new FakeBoardReset();
            BoardWatchdog boardWatchdog = new BoardWatchdog(clock, reset, config.BoardWatchdogTimeoutMilliseconds, 5000);
            WatchdogBoard board = new WatchdogBoard { Clock = clock, Led = new FakeLed(), Network = new FakeNetwork(), BoardWatchdog = boardWatchdog, Relays = new IPowerRelay[] { router }, PortKnock = router };
            WatchdogSupervisor supervisor = WatchdogAssembly.Build(config, board, new IRouterKind[] { new RouterOsKind(router, clock, connection, 0) }, log).Supervisor;
            uint constructed = SettledFreeHeap();

            supervisor.Tick();
            uint peak = SettledFreeHeap();

            Assert.AreEqual(1, router.ResourcePrints, "one probe round");
            Assert.AreEqual(0, log.Count, log.ToString());
            int built = (int)before - (int)constructed;
            int footprint = (int)before - (int)peak - transport;
            OutputHelper.WriteLine("watchdog footprint with one router (" + name + " client buffers): after construction "
                + built.ToString() + " B; peak after the first probe round " + footprint.ToString()
                + " B (in-memory connection of " + transport.ToString() + " B excluded)");

            // Keeps everything alive up to the last measurement.
            Assert.IsNotNull(supervisor);
            Assert.IsTrue(boardWatchdog.Check() == false);
            return footprint;
        }

        // What one open connection to the scripted router keeps (the pipes of the pair and the link).
        private static int TransportCost(ScriptedRouterOs router)
        {
            RouterConfig any = new RouterConfig();
            uint before = SettledFreeHeap();
            ITransport transport = router.Open(any);
            uint after = SettledFreeHeap();
            router.DropConnection();
            transport.Close();
            router.Connections = 0;
            return (int)before - (int)after;
        }

        // Free heap after a collection, once the collections have stopped freeing anything: objects
        // with finalizers left by earlier tests (events, timers) are freed one collection after
        // their finalizer ran, which would otherwise show as negative growth.
        private static uint SettledFreeHeap()
        {
            uint free = NativeGC.Run(false);
            for (int i = 0; i < 5; i++)
            {
                uint again = NativeGC.Run(false);
                if (again == free)
                {
                    break;
                }

                free = again;
            }

            return free;
        }

        private static void RunRounds(IncidentRig rig, int rounds)
        {
            int until = rig.Router.ResourcePrints + rounds;
            while (rig.Router.ResourcePrints < until)
            {
                rig.Step();
            }
        }
    }
}
