using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Health
{
    /// <summary>The free-memory floor alone: in percent, in bytes, both, and unknown values.</summary>
    [TestClass]
    public class FreeMemoryFloorCheckTests
    {
        /// <summary>It asks for free-memory and total-memory from /system/resource.</summary>
        [TestMethod]
        public static void DeclaresFreeAndTotalMemory()
        {
            ProbeRequest request = new ProbeRequest();
            new FreeMemoryFloorCheck().Declare(request);
            Assert.AreEqual(2, request.ResourceCount);
            Assert.AreEqual("free-memory", request.Resource(0));
            Assert.AreEqual("total-memory", request.Resource(1));
        }

        /// <summary>Below the share of total memory fails; exactly at it does not; without a total there is no percent floor.</summary>
        [TestMethod]
        public static void PercentFloorIsAShareOfTotalMemory()
        {
            HealthSample s;
            FreeMemoryFloorCheck check = Declared(new FreeMemoryFloorCheck { MinFreePercent = 3 }, out s);
            Memory(s, 3000, 100000);
            Assert.IsFalse(check.Judge(s));
            Memory(s, 2999, 100000);
            Assert.IsTrue(check.Judge(s));
            Assert.AreEqual("free memory 2 KiB below 2 KiB", check.Finding(s));
            Memory(s, 2999, -1);
            Assert.IsFalse(check.Judge(s));
        }

        /// <summary>A floor in bytes needs no total; with both floors the higher one holds.</summary>
        [TestMethod]
        public static void BytesFloorAndTheHigherOfBoth()
        {
            HealthSample s;
            FreeMemoryFloorCheck check = Declared(new FreeMemoryFloorCheck { MinFreeBytes = 16L * 1024 * 1024, MinFreePercent = 0 }, out s);
            Memory(s, 16L * 1024 * 1024, -1);
            Assert.IsFalse(check.Judge(s));
            Memory(s, 12L * 1024 * 1024, -1);
            Assert.IsTrue(check.Judge(s));
            Assert.AreEqual("free memory 12288 KiB below 16384 KiB", check.Finding(s));

            check.MinFreePercent = 20;
            Memory(s, 20L * 1024 * 1024, 128L * 1024 * 1024);
            Assert.IsTrue(check.Judge(s), "20% of 128 MiB is above the 16 MiB floor");
            Assert.AreEqual("free_memory_bytes=20971520 total_memory_bytes=134217728 free_memory_floor_bytes=26843546", RecordingFields.Of(check, s));
        }

        /// <summary>An unknown free memory, a silent router or no floor at all never fail.</summary>
        [TestMethod]
        public static void UnknownOrOffNeverFails()
        {
            HealthSample s;
            FreeMemoryFloorCheck check = Declared(new FreeMemoryFloorCheck { MinFreeBytes = 1024 }, out s);
            Memory(s, -1, 100000);
            Assert.IsFalse(check.Judge(s));
            TestConfigs.Unreachable(s, ProbeFailure.Timeout);
            Assert.IsFalse(check.Judge(s));
            Assert.AreEqual("free_memory_bytes=null total_memory_bytes=null free_memory_floor_bytes=1024", RecordingFields.Of(check, s));

            FreeMemoryFloorCheck off = Declared(new FreeMemoryFloorCheck { MinFreePercent = 0 }, out s);
            Memory(s, 0, 100000);
            Assert.IsFalse(off.Judge(s));
            Assert.AreEqual("free memory below its floor", off.Finding(null));
        }

        /// <summary>Out-of-range floors are refused; a copy keeps the settings.</summary>
        [TestMethod]
        public static void ValidateAndCopy()
        {
            Assert.IsNull(new FreeMemoryFloorCheck().Validate());
            Assert.IsNotNull(new FreeMemoryFloorCheck { MinFreePercent = 100 }.Validate());
            Assert.IsNotNull(new FreeMemoryFloorCheck { MinFreePercent = -1 }.Validate());
            Assert.IsNotNull(new FreeMemoryFloorCheck { MinFreeBytes = -1 }.Validate());
            FreeMemoryFloorCheck copy = (FreeMemoryFloorCheck)new FreeMemoryFloorCheck { Name = "ram", MinFreeBytes = 5, MinFreePercent = 7, ReportOnly = true }.Copy();
            Assert.AreEqual("ram", copy.Name);
            Assert.AreEqual(5L, copy.MinFreeBytes);
            Assert.AreEqual(7, copy.MinFreePercent);
            Assert.IsTrue(copy.ReportOnly);
        }

        /// <summary>
        /// End to end, as the firmware runs it (the demo's configuration, whose router has a 16 MiB
        /// floor, over the real client): a router leaking memory is rebooted once, after the
        /// hysteresis, and the reboot is verified when the memory is back.
        /// </summary>
        [TestMethod]
        public static void LeakingRouterIsRebootedOnceAndVerified()
        {
            IncidentRig rig = new IncidentRig(null);
            while (rig.Seconds < 30)
            {
                rig.Step();
            }

            rig.Router.FreeMemoryBytes = 8L * 1024 * 1024;
            while (rig.Seconds < 300 && rig.Log.CountOf(DecisionCode.RecoveryVerified) == 0)
            {
                rig.Step();
            }

            rig.Log.AssertCodes(DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified);
            Assert.AreEqual("free memory 8192 KiB below 16384 KiB", rig.Log.At(0).Reason);
            Assert.AreEqual(1, rig.Router.RebootCommands);
            Assert.AreEqual(0, rig.Router.PowerCycles);
        }

        private static void Memory(HealthSample s, long free, long total)
        {
            s.Reset();
            s.MarkLoggedIn();
            s.SetResource(0, free);
            s.SetResource(1, total);
        }

        private static FreeMemoryFloorCheck Declared(FreeMemoryFloorCheck check, out HealthSample sample)
        {
            ProbeRequest request = new ProbeRequest();
            check.Declare(request);
            sample = new HealthSample(request);
            return check;
        }
    }
}
