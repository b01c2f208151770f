using Esp32Watchdog.Ports;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Ports
{
    /// <summary>What checks ask the probe for: names kept once, bounded lists, slots the sample honours.</summary>
    [TestClass]
    public class ProbeRequestTests
    {
        /// <summary>A name asked for twice keeps one slot; each list counts its own names.</summary>
        [TestMethod]
        public static void NamesAreKeptOnce()
        {
            ProbeRequest r = new ProbeRequest();
            Assert.AreEqual(0, r.AddResource("cpu-load"));
            Assert.AreEqual(1, r.AddResource("free-memory"));
            Assert.AreEqual(0, r.AddResource("cpu-load"));
            Assert.AreEqual(0, r.AddInterface("cpu-load"), "interfaces are a list of their own");
            Assert.AreEqual(2, r.ResourceCount);
            Assert.AreEqual(1, r.InterfaceCount);
            Assert.AreEqual(1, r.ResourceSlot("free-memory"));
            Assert.AreEqual(-1, r.ResourceSlot("uptime"));
        }

        /// <summary>A full list, an empty name or a comma (the names make one proplist) get no slot.</summary>
        [TestMethod]
        public static void BoundedAndCleanNamesOnly()
        {
            ProbeRequest r = new ProbeRequest();
            for (int i = 0; i < ProbeRequest.MaxNames; i++)
            {
                Assert.AreEqual(i, r.AddInterface("ether" + i.ToString()));
            }

            Assert.AreEqual(-1, r.AddInterface("one-too-many"));
            Assert.AreEqual(-1, r.AddResource("cpu-load,uptime"));
            Assert.AreEqual(-1, r.AddResource(string.Empty));
            Assert.AreEqual(-1, r.AddResource(null));
            Assert.AreEqual(0, r.ResourceCount);
        }

        /// <summary>The sample has room for exactly what was asked: other slots read unknown and ignore writes.</summary>
        [TestMethod]
        public static void SampleHonoursTheSlots()
        {
            ProbeRequest r = new ProbeRequest();
            r.AddResource("free-memory");
            r.AddPingTarget("192.0.2.254", 2);
            r.AddPingTarget("198.51.100.1", 4);
            Assert.AreEqual(4, r.PingCount);
            HealthSample s = new HealthSample(r);
            s.SetResource(0, 123);
            s.SetResource(1, 456);
            s.SetResource(-1, 789);
            s.SetPingLoss(1, 150);
            Assert.AreEqual(123L, s.Resource(0));
            Assert.AreEqual(-1L, s.Resource(1));
            Assert.AreEqual(100, s.PingLoss(1));
            Assert.AreEqual(-1, s.InterfaceRunning(0));

            HealthSample copy = new HealthSample(r);
            copy.CopyFrom(s);
            Assert.AreEqual(123L, copy.Resource(0));
            s.Reset();
            Assert.AreEqual(-1L, s.Resource(0));
            Assert.AreEqual(123L, copy.Resource(0));
        }
    }
}
