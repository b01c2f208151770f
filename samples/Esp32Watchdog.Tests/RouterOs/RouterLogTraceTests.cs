using Esp32Watchdog.Configuration;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.RouterOs
{
    /// <summary>The line written to a router's log before an API reboot (its delivery is tested against the simulator on the host).</summary>
    [TestClass]
    public class RouterLogTraceTests
    {
        /// <summary>Board, router and reason in one line.</summary>
        [TestMethod]
        public static void NamesBoardRouterAndReason()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Monitoring.BoardName = "rack3-wd";
            RouterLogTrace trace = new RouterLogTrace(config, config.Routers[0]);
            Assert.AreEqual("rack3-wd: rebooting main through the API: cpu-load >= 98% for 10 samples", trace.Format("cpu-load >= 98% for 10 samples").ToString());
            Assert.AreEqual("rack3-wd: rebooting main through the API", trace.Format(null).ToString());
        }

        /// <summary>A long reason is cut at the limit without splitting a character.</summary>
        [TestMethod]
        public static void LongReasonsAreCut()
        {
            WatchdogConfig config = TestConfigs.Valid();
            RouterLogTrace trace = new RouterLogTrace(config, config.Routers[0]);
            ByteWriter line = trace.Format("a" + new string('\u20AC', 300));
            Assert.IsFalse(line.Overflowed);
            Assert.IsTrue(line.Length <= RouterLogTrace.MaxMessageBytes);
            Assert.IsTrue(line.Length > RouterLogTrace.MaxMessageBytes - 3);
            Assert.AreEqual(0, (line.Length - "esp32-watchdog: rebooting main through the API: a".Length) % 3);
        }

        /// <summary>Tracing can be turned off; the rebooter then has no trace.</summary>
        [TestMethod]
        public static void TraceIsOptional()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Monitoring.TraceRebootsInRouterLog = false;
            RouterSession session = new RouterSession(config.Routers[0], null, new Mikrotik.Nano.ClientOptions());
            Assert.IsNull(new RouterOsRebooter(session, config).Trace);
            config.Monitoring.TraceRebootsInRouterLog = true;
            Assert.IsNotNull(new RouterOsRebooter(session, config).Trace);
        }
    }
}
