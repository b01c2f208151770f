using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Status.Formats
{
    /// <summary>The exact JSON of /status and the Prometheus lines of /metrics.</summary>
    [TestClass]
    public class StatusDocumentTests
    {
        private static WatchdogStatus Fed(ManualClock clock)
        {
            WatchedRouter router;
            WatchdogStatus status = StatusRig.Manual(clock, out router);
            HealthSample sample = router.Sample;
            clock.NowMilliseconds = 60000;
            TestConfigs.Healthy(sample, 3600, 97);
            sample.SetPingLoss(1, 50);
            sample.AddInterfaceNotRunning("wlan1");
            StatusRig.Round(status, router, clock);
            status.Record(new Decision(DecisionCode.HealthDegraded, 0, "main", "wlan1 \"down\"", 61000));
            clock.NowMilliseconds = 65000;
            return status;
        }

        /// <summary>Before any round: the router is there with null sample and decision.</summary>
        [TestMethod]
        public static void JsonBeforeTheFirstRound()
        {
            ManualClock clock = new ManualClock { NowMilliseconds = 1234 };
            WatchedRouter router;
            WatchdogStatus status = StatusRig.Manual(clock, out router);
            HealthSample sample = router.Sample;
            ByteWriter w = new ByteWriter(2048);
            StatusJson.Write(status, -1, w);
            Assert.AreEqual(
                "{\"board\":{\"uptime_ms\":1234,\"free_heap_bytes\":null,\"network_up\":true,\"decisions\":0},"
                + "\"routers\":[{\"name\":\"main\",\"state\":\"Monitoring\",\"status\":\"Healthy\",\"paused\":false,"
                + "\"unhealthy_streak\":0,\"actions_in_window\":0,\"last_sample\":null,\"last_decision\":null,"
                + "\"counters\":{\"probes\":0,\"probe_failures\":0,\"decisions\":0,\"reboots\":0,\"power_cycles\":0,\"give_ups\":0}}]}\n",
                w.ToString());
        }

        /// <summary>After a round and a decision: values and an escaped reason and ages.</summary>
        [TestMethod]
        public static void JsonAfterARoundAndADecision()
        {
            ManualClock clock = new ManualClock();
            WatchdogStatus status = Fed(clock);
            ByteWriter w = new ByteWriter(2048);
            StatusJson.Write(status, 81234, w);
            string json = w.ToString();
            Assert.Contains("\"free_heap_bytes\":81234", json);
            Assert.Contains(
                "\"last_sample\":{\"age_ms\":5000,\"api_reachable\":true,\"failure\":null,\"cpu_load_percent\":97,"
                + "\"free_memory_bytes\":41943040,\"total_memory_bytes\":134217728,\"uptime_seconds\":3600,"
                + "\"interfaces_not_running\":1,\"ping_loss_percent\":[0,50]}",
                json);
            Assert.Contains("\"last_decision\":{\"code\":\"HealthDegraded\",\"reason\":\"wlan1 \\\"down\\\"\",\"age_ms\":4000}", json);
            Assert.Contains("\"counters\":{\"probes\":1,\"probe_failures\":0,\"decisions\":1,", json);
        }

        /// <summary>A failed round reports its failure and leaves unknown values null.</summary>
        [TestMethod]
        public static void JsonOfAnUnreachableRouter()
        {
            ManualClock clock = new ManualClock();
            WatchedRouter router;
            WatchdogStatus status = StatusRig.Manual(clock, out router);
            HealthSample sample = router.Sample;
            TestConfigs.Unreachable(sample, ProbeFailure.ConnectFailed);
            StatusRig.Round(status, router, clock);
            ByteWriter w = new ByteWriter(2048);
            StatusJson.Write(status, 1, w);
            Assert.Contains("\"api_reachable\":false,\"failure\":\"ConnectFailed\",\"cpu_load_percent\":null,\"free_memory_bytes\":null,"
                + "\"total_memory_bytes\":null,\"uptime_seconds\":null,\"interfaces_not_running\":null,\"ping_loss_percent\":[null,null]", w.ToString());
        }

        /// <summary>Every family has one HELP and one TYPE line; samples carry the router label.</summary>
        [TestMethod]
        public static void MetricsHaveHelpTypeAndLabelledSamples()
        {
            ManualClock clock = new ManualClock();
            WatchdogStatus status = Fed(clock);
            ByteWriter w = new ByteWriter(8192);
            PrometheusMetrics.Write(status, 81234, w);
            string text = w.ToString();
            Assert.IsFalse(w.Overflowed);
            Assert.StartsWith("# HELP watchdog_board_uptime_seconds ", text);
            Assert.Contains("\n# TYPE watchdog_board_uptime_seconds gauge\nwatchdog_board_uptime_seconds 65\n", text);
            Assert.Contains("\nwatchdog_board_free_heap_bytes 81234\n", text);
            Assert.Contains("\nwatchdog_router_state{router=\"main\",state=\"Monitoring\"} 1\n", text);
            Assert.Contains("\nwatchdog_router_state{router=\"main\",state=\"GivenUp\"} 0\n", text);
            Assert.Contains("\nwatchdog_router_cpu_load_percent{router=\"main\"} 97\n", text);
            Assert.Contains("\nwatchdog_router_ping_loss_max_percent{router=\"main\"} 50\n", text);
            Assert.Contains("\nwatchdog_router_last_sample_age_seconds{router=\"main\"} 5\n", text);
            Assert.Contains("\n# TYPE watchdog_router_decisions_total counter\nwatchdog_router_decisions_total{router=\"main\"} 1\n", text);
            Assert.EndsWith("watchdog_router_give_ups_total{router=\"main\"} 0\n", text);
            Assert.AreEqual(CountOf(text, "# HELP "), CountOf(text, "# TYPE "));
            Assert.AreEqual(1, CountOf(text, "# TYPE watchdog_router_state "));
        }

        /// <summary>Unknown values are left out, not reported as a number; so is an unknown free heap.</summary>
        [TestMethod]
        public static void MetricsLeaveUnknownValuesOut()
        {
            ManualClock clock = new ManualClock();
            WatchedRouter router;
            WatchdogStatus status = StatusRig.Manual(clock, out router);
            HealthSample sample = router.Sample;
            ByteWriter w = new ByteWriter(8192);
            PrometheusMetrics.Write(status, -1, w);
            string text = w.ToString();
            Assert.DoesNotContains("watchdog_board_free_heap_bytes", text);
            Assert.DoesNotContains("watchdog_router_cpu_load_percent{", text);
            Assert.DoesNotContains("watchdog_router_api_reachable{", text);
            Assert.Contains("watchdog_router_probes_total{router=\"main\"} 0\n", text);
        }

        /// <summary>A router name with quotes and backslashes is escaped in labels and JSON.</summary>
        [TestMethod]
        public static void NamesAreEscaped()
        {
            ManualClock clock = new ManualClock();
            Esp32Watchdog.Configuration.WatchdogConfig config = TestConfigs.Valid(26);
            config.Routers[0].Name = "a\"b\\c";
            WatchdogStatus status = new WatchdogStatus(config, null, clock);
            ByteWriter w = new ByteWriter(8192);
            PrometheusMetrics.Write(status, -1, w);
            Assert.Contains("watchdog_router_probes_total{router=\"a\\\"b\\\\c\"} 0\n", w.ToString());
            w.Clear();
            StatusJson.Write(status, -1, w);
            Assert.Contains("\"name\":\"a\\\"b\\\\c\"", w.ToString());
        }

        private static int CountOf(string text, string part)
        {
            int n = 0;
            int at = text.IndexOf(part);
            while (at >= 0)
            {
                n++;
                at = text.IndexOf(part, at + part.Length);
            }

            return n;
        }
    }
}
