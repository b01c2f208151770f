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
        /// <summary>A slot not yet filled reads as a real null that compares safely.</summary>
        [TestMethod]
        public static void UnfilledInterfaceSlotIsARealNull()
        {
            HealthSample sample = TestConfigs.Valid().Routers[0].CreateSample();
            string name = sample.GetInterfaceNotRunning(1);

            Assert.IsFalse(name == "wlan1", "an unfilled slot compared like a name");
            Assert.IsTrue(name == null, "an unfilled slot is not a real null");
        }

        /// <summary>A configured interface list with an unassigned entry is refused, not compared.</summary>
        [TestMethod]
        public static void UnassignedInterfaceNameIsRefused()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].WatchedInterfaces = UnassignedNames(2);
            Assert.Contains("interface name not set", config.Validate());
        }

        /// <summary>A configured ping target list with an unassigned entry is refused, not compared.</summary>
        [TestMethod]
        public static void UnassignedPingTargetIsRefused()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].PingTargets = UnassignedNames(1);
            Assert.Contains("ping target not set", config.Validate());
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
