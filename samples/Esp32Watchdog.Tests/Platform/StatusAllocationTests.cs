// Device-only test: measures the managed heap with nanoFramework.Runtime.Native, which the host
// build cannot reference (excluded from Esp32Watchdog.Tests.csproj). Runs on nanoCLR.
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Tests.Status.Http;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Platform
{
    /// <summary>Serving the status endpoint allocates nothing per request once warmed up.</summary>
    [TestClass]
    public class StatusAllocationTests
    {
        /// <summary>Twenty rounds of /status, /metrics, a 404 and a 431 leave the free heap unchanged.</summary>
        [TestMethod]
        public static void RequestsAllocateNothing()
        {
            ManualClock clock = new ManualClock { NowMilliseconds = 1000 };
            WatchedRouter router;
            WatchdogStatus status = StatusRig.Manual(clock, out router);
            HealthSample sample = router.Sample;
            TestConfigs.Healthy(sample, 3600);
            StatusRig.Round(status, router, clock);
            status.Record(new Decision(DecisionCode.HealthDegraded, 0, "main", "cpu-load >= 98% for 10 samples", 900));
            StatusHttpHandler handler = new StatusHttpHandler(status, null, StatusHttpHandler.BodyCapacityFor(status));
            HttpRequestReader reader = new HttpRequestReader(1024, 512);
            byte[][] requests = new byte[][]
            {
                HttpRequestReaderTests.Ascii("GET /status HTTP/1.1\r\nHost: board\r\n\r\n"),
                HttpRequestReaderTests.Ascii("GET /metrics HTTP/1.1\r\nHost: board\r\n\r\n"),
                HttpRequestReaderTests.Ascii("GET /nope HTTP/1.1\r\n\r\n"),
                HttpRequestReaderTests.Ascii("GET /status HTTP/1.1\r\nX: " + new string('a', 1100)),
            };
            int[] codes = new int[] { 200, 200, 404, 431 };

            Serve(handler, reader, requests, codes);
            uint before = nanoFramework.Runtime.Native.GC.Run(false);
            for (int i = 0; i < 20; i++)
            {
                clock.Advance(1000);
                StatusRig.Round(status, router, clock);
                Serve(handler, reader, requests, codes);
            }

            uint after = nanoFramework.Runtime.Native.GC.Run(false);
            OutputHelper.WriteLine("status endpoint: free before " + before.ToString() + " after " + after.ToString());
            Assert.IsTrue(after >= before, "the heap shrank by " + (before - after).ToString() + " bytes over 80 requests");
        }

        /// <summary>What monitoring costs for one router: status, endpoint buffers, syslog and the router-log trace.</summary>
        [TestMethod]
        public static void MonitoringFootprintForOneRouter()
        {
            ManualClock clock = new ManualClock();
            Esp32Watchdog.Configuration.WatchdogConfig config = TestConfigs.Valid(26);
            uint before = nanoFramework.Runtime.Native.GC.Run(true);
            WatchdogStatus status = new WatchdogStatus(config, null, clock);
            StatusHttpHandler handler = new StatusHttpHandler(status, null, StatusHttpHandler.BodyCapacityFor(status));
            HttpRequestReader reader = new HttpRequestReader(1024, 512);
            Esp32Watchdog.Status.Syslog.SyslogDecisionLog syslog = new Esp32Watchdog.Status.Syslog.SyslogDecisionLog(new NullSender(), "b", status);
            Esp32Watchdog.RouterOs.RouterLogTrace trace = new Esp32Watchdog.RouterOs.RouterLogTrace(config, config.Routers[0]);
            uint after = nanoFramework.Runtime.Native.GC.Run(true);
            int used = (int)(before - after);
            OutputHelper.WriteLine("monitoring for one router: " + used.ToString() + " bytes on nanoCLR (24-byte heap blocks)");
            Assert.IsTrue(used < 12000, "monitoring took " + used.ToString() + " bytes");
            Assert.IsNotNull(handler);
            Assert.IsNotNull(reader);
            Assert.IsNotNull(syslog);
            Assert.IsNotNull(trace);
        }

        private sealed class NullSender : Esp32Watchdog.Ports.IDatagramSender
        {
            public void Send(byte[] buffer, int offset, int count)
            {
            }
        }

        private static void Serve(StatusHttpHandler handler, HttpRequestReader reader, byte[][] requests, int[] codes)
        {
            for (int r = 0; r < requests.Length; r++)
            {
                reader.Reset();
                reader.Append(requests[r], 0, requests[r].Length);
                Assert.AreEqual(codes[r], handler.Respond(reader, reader.Parse()));
            }
        }
    }
}
