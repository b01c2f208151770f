using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Status.Http
{
    /// <summary>Whole responses: status line, headers with an exact Content-Length, and clear errors.</summary>
    [TestClass]
    public class StatusHttpHandlerTests
    {
        private sealed class FixedMemory : IFreeMemory
        {
            public long FreeBytes()
            {
                return 76543;
            }
        }

        private static string Respond(string request, out int code)
        {
            ManualClock clock = new ManualClock { NowMilliseconds = 5000 };
            WatchedRouter router;
            WatchdogStatus status = StatusRig.Manual(clock, out router);
            HealthSample sample = router.Sample;
            StatusHttpHandler handler = new StatusHttpHandler(status, new FixedMemory(), StatusHttpHandler.BodyCapacityFor(status));
            HttpRequestReader reader = new HttpRequestReader(1024, 512);
            code = handler.Respond(reader, HttpRequestReaderTests.Feed(reader, request));
            return Text(handler);
        }

        private static string Text(StatusHttpHandler handler)
        {
            char[] chars = new char[handler.ResponseLength];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)handler.Buffer[handler.ResponseOffset + i];
            }

            return new string(chars);
        }

        private static string Body(string response)
        {
            return response.Substring(response.IndexOf("\r\n\r\n") + 4);
        }

        /// <summary>GET /status: JSON with the free heap and a Content-Length equal to the body.</summary>
        [TestMethod]
        public static void StatusIsJson()
        {
            int code;
            string response = Respond("GET /status HTTP/1.1\r\nHost: b\r\n\r\n", out code);
            Assert.AreEqual(200, code);
            Assert.StartsWith("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ", response);
            Assert.Contains("\r\nConnection: close\r\n\r\n{\"board\":{\"uptime_ms\":5000,\"free_heap_bytes\":76543,", response);
            string body = Body(response);
            Assert.Contains("Content-Length: " + body.Length.ToString() + "\r\n", response);
        }

        /// <summary>GET /metrics: the Prometheus text type.</summary>
        [TestMethod]
        public static void MetricsArePrometheusText()
        {
            int code;
            string response = Respond("GET /metrics HTTP/1.0\r\n\r\n", out code);
            Assert.AreEqual(200, code);
            Assert.Contains("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n", response);
            Assert.Contains("\nwatchdog_board_free_heap_bytes 76543\n", Body(response));
        }

        /// <summary>HEAD: the headers of the GET and no body.</summary>
        [TestMethod]
        public static void HeadHasNoBody()
        {
            int code;
            string get = Respond("GET /status HTTP/1.1\r\n\r\n", out code);
            string head = Respond("HEAD /status HTTP/1.1\r\n\r\n", out code);
            Assert.AreEqual(200, code);
            Assert.EndsWith("\r\n\r\n", head);
            Assert.AreEqual(get.Substring(0, get.IndexOf("\r\n\r\n") + 4), head);
            string missing = Respond("HEAD /nothing HTTP/1.1\r\n\r\n", out code);
            Assert.AreEqual(404, code);
            Assert.EndsWith("\r\n\r\n", missing);
        }

        /// <summary>The root path answers with a short index.</summary>
        [TestMethod]
        public static void RootIsAnIndex()
        {
            int code;
            Assert.Contains("GET /status", Body(Respond("GET / HTTP/1.1\r\n\r\n", out code)));
            Assert.AreEqual(200, code);
        }

        /// <summary>Every refusal has its code and a short text body.</summary>
        [TestMethod]
        public static void ErrorsAreClear()
        {
            int code;
            string response = Respond("GET /nothing HTTP/1.1\r\n\r\n", out code);
            Assert.AreEqual(404, code);
            Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", response);

            response = Respond("DELETE /status HTTP/1.1\r\n\r\n", out code);
            Assert.AreEqual(405, code);
            Assert.Contains("\r\nAllow: GET, HEAD\r\n", response);

            Respond("GET /status HTTP/9.9\r\n\r\n", out code);
            Assert.AreEqual(400, code);

            Respond("GET /" + new string('x', 600) + " HTTP/1.1\r\n\r\n", out code);
            Assert.AreEqual(414, code);

            string big = "GET /status HTTP/1.1\r\n";
            for (int i = 0; i < 60; i++)
            {
                big += "X-Filler: 0123456789\r\n";
            }

            Respond(big, out code);
            Assert.AreEqual(431, code);
        }

        /// <summary>A status larger than the buffer is a 500 that says so, never a cut document.</summary>
        [TestMethod]
        public static void TooLargeForTheBufferIs500()
        {
            ManualClock clock = new ManualClock();
            Esp32Watchdog.Configuration.WatchdogConfig config = TestConfigs.Valid(26);
            Esp32Watchdog.Configuration.RouterConfig[] routers = new Esp32Watchdog.Configuration.RouterConfig[8];
            for (int i = 0; i < routers.Length; i++)
            {
                routers[i] = config.Routers[0];
            }

            config.Routers = routers;
            WatchdogStatus status = new WatchdogStatus(config, null, clock);
            StatusHttpHandler handler = new StatusHttpHandler(status, null, 1024);
            HttpRequestReader reader = new HttpRequestReader(1024, 512);
            Assert.AreEqual(500, handler.Respond(reader, HttpRequestReaderTests.Feed(reader, "GET /metrics HTTP/1.1\r\n\r\n")));
            Assert.Contains("larger than the response buffer", Text(handler));
        }
    }
}
