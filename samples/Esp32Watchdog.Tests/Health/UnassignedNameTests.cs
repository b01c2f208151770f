using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Health
{
    /// <summary>
    /// On nanoCLR an unassigned string[] element is not a real null: == null says false and a string
    /// comparison with it crashes the runtime (SIGSEGV). Names the watchdog hands out or receives must
    /// never be such an element.
    /// </summary>
    [TestClass]
    public class UnassignedNameTests
    {
        /// <summary>A probe request's slot not yet filled reads as a real null that compares safely.</summary>
        [TestMethod]
        public static void UnfilledRequestSlotIsARealNull()
        {
            ProbeRequest request = new ProbeRequest();
            request.AddInterface("ether1");
            string name = request.Interface(1);

            Assert.IsFalse(name == "wlan1", "an unfilled slot compared like a name");
            Assert.IsTrue(name == null, "an unfilled slot is not a real null");
            Assert.AreEqual(-1, request.InterfaceSlot("wlan1"));
        }

        /// <summary>A check's interface list with an unassigned entry is refused, not compared.</summary>
        [TestMethod]
        public static void UnassignedInterfaceNameIsRefused()
        {
            WatchdogConfig config = TestConfigs.Valid();
            ((RequiredInterfacesCheck)config.Routers[0].Checks[0]).Interfaces = UnassignedNames(2);
            Assert.Contains("check interfaces: interface not set", config.Validate());
        }

        /// <summary>A check's ping target list with an unassigned entry is refused, not compared.</summary>
        [TestMethod]
        public static void UnassignedPingTargetIsRefused()
        {
            WatchdogConfig config = TestConfigs.Valid();
            ((PingLossCheck)config.Routers[0].Checks[1]).Targets = UnassignedNames(1);
            Assert.Contains("check ping-loss: ping target not set", config.Validate());
        }

        // Array.Clear leaves the same unassigned elements as new string[n]. The device compatibility
        // check forbids both where a string[] is in sight; this helper sees only an Array, so that the
        // test can build the value user code may hand in.
        private static string[] UnassignedNames(int count)
        {
            string[] names = new string[] { "ether1", "ether2" };
            ClearElements(names, count);
            return names;
        }

        private static void ClearElements(Array array, int count)
        {
            Array.Clear(array, 0, count);
        }
    }
}
