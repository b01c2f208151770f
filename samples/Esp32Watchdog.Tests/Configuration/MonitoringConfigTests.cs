using Esp32Watchdog.Configuration;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Configuration
{
    /// <summary>Status port, syslog collector and board name are checked with the rest of the configuration.</summary>
    [TestClass]
    public class MonitoringConfigTests
    {
        /// <summary>The defaults: status on port 80, no syslog, trace on.</summary>
        [TestMethod]
        public static void DefaultsAreValid()
        {
            WatchdogConfig config = TestConfigs.Valid();
            Assert.IsNull(config.Validate());
            Assert.AreEqual(80, config.Monitoring.StatusHttpPort);
            Assert.IsNull(config.Monitoring.SyslogCollector);
            Assert.IsTrue(config.Monitoring.TraceRebootsInRouterLog);
        }

        /// <summary>Out-of-range ports and a collector that is not an address are refused.</summary>
        [TestMethod]
        public static void RefusesBadValues()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Monitoring.StatusHttpPort = 70000;
            Assert.Contains("status HTTP port", config.Validate());
            config.Monitoring.StatusHttpPort = 0;
            Assert.IsNull(config.Validate());

            config.Monitoring.SyslogCollector = "logs.example.net";
            Assert.Contains("IPv4", config.Validate());
            config.Monitoring.SyslogCollector = "192.0.2.10";
            Assert.IsNull(config.Validate());
            config.Monitoring.SyslogPort = 0;
            Assert.Contains("syslog port", config.Validate());
            config.Monitoring.SyslogPort = 514;

            config.Monitoring.BoardName = "rack 3";
            Assert.Contains("board name", config.Validate());
            config.Monitoring.BoardName = string.Empty;
            Assert.Contains("board name", config.Validate());
            config.Monitoring.BoardName = "rack3-wd";
            Assert.IsNull(config.Validate());

            config.Monitoring = null;
            Assert.Contains("monitoring", config.Validate());
        }

        /// <summary>IPv4 text: four decimal parts 0..255 and nothing else.</summary>
        [TestMethod]
        [DataRow("192.0.2.10", true)]
        [DataRow("0.0.0.0", true)]
        [DataRow("255.255.255.255", true)]
        [DataRow("256.1.1.1", false)]
        [DataRow("1.2.3", false)]
        [DataRow("1.2.3.4.5", false)]
        [DataRow("1..3.4", false)]
        [DataRow("1.2.3.4 ", false)]
        [DataRow("0001.2.3.4", false)]
        [DataRow("a.b.c.d", false)]
        public static void ParsesIpv4(string text, bool valid)
        {
            byte[] address = new byte[4];
            Assert.AreEqual(valid, Ipv4Text.TryParse(text, address));
        }

        /// <summary>The bytes of a parsed address.</summary>
        [TestMethod]
        public static void Ipv4Bytes()
        {
            byte[] address = new byte[4];
            Assert.IsTrue(Ipv4Text.TryParse("10.20.30.254", address));
            CollectionAssert.AreEqual(new byte[] { 10, 20, 30, 254 }, address);
        }
    }
}
