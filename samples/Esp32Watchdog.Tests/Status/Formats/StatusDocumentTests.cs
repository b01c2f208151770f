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
            TestConfigs.InterfaceDown(sample, "wlan1");
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
            new StatusJson(w).Write(status, -1);
            Assert.AreEqual(
                "{\"board\":{\"uptime_ms\":1234,\"free_heap_bytes\":null,\"network_up\":true,\"history\":\"none\",\"decisions\":0},"
                + "\"routers\":[{\"name\":\"main\",\"state\":\"Monitoring\",\"status\":\"Healthy\",\"paused\":false,"
                + "\"unhealthy_streak\":0,\"actions_in_window\":0,\"last_sample\":null,\"checks\":{"
                + "\"cpu-load\":{\"failing\":false,\"report_only\":false,\"cpu_load_percent\":null,\"cpu_high_streak\":0},"
                + "\"free-memory\":{\"failing\":false,\"report_only\":false,\"free_memory_bytes\":null,\"total_memory_bytes\":null,\"free_memory_floor_bytes\":null},"
                + "\"interfaces\":{\"failing\":false,\"report_only\":false,\"interfaces_not_running\":null},"
                + "\"ping-loss\":{\"failing\":false,\"report_only\":false,\"ping_loss_max_percent\":null,\"ping_targets_lost\":null}},"
                + "\"last_decision\":null,"
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
            new StatusJson(w).Write(status, 81234);
            string json = w.ToString();
            Assert.Contains("\"free_heap_bytes\":81234", json);
            Assert.Contains(
                "\"last_sample\":{\"age_ms\":5000,\"api_reachable\":true,\"failure\":null,\"uptime_seconds\":3600},\"checks\":{"
                + "\"cpu-load\":{\"failing\":false,\"report_only\":false,\"cpu_load_percent\":97,\"cpu_high_streak\":0},"
                + "\"free-memory\":{\"failing\":false,\"report_only\":false,\"free_memory_bytes\":41943040,\"total_memory_bytes\":134217728,\"free_memory_floor_bytes\":4026532},"
                + "\"interfaces\":{\"failing\":false,\"report_only\":false,\"interfaces_not_running\":1},"
                + "\"ping-loss\":{\"failing\":false,\"report_only\":false,\"ping_loss_max_percent\":50,\"ping_targets_lost\":0}}",
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
            new StatusJson(w).Write(status, 1);
            Assert.Contains("\"api_reachable\":false,\"failure\":\"ConnectFailed\",\"uptime_seconds\":null},\"checks\":{"
                + "\"cpu-load\":{\"failing\":false,\"report_only\":false,\"cpu_load_percent\":null,", w.ToString());
            Assert.Contains("\"interfaces\":{\"failing\":false,\"report_only\":false,\"interfaces_not_running\":null}", w.ToString());
        }

        /// <summary>Every family has one HELP and one TYPE line; samples carry the router label.</summary>
        [TestMethod]
        public static void MetricsHaveHelpTypeAndLabelledSamples()
        {
            ManualClock clock = new ManualClock();
            WatchdogStatus status = Fed(clock);
            ByteWriter w = new ByteWriter(8192);
            new PrometheusMetrics(w).Write(status, 81234);
            string text = w.ToString();
            Assert.IsFalse(w.Overflowed);
            Assert.StartsWith("# HELP watchdog_board_uptime_seconds ", text);
            Assert.Contains("\n# TYPE watchdog_board_uptime_seconds gauge\nwatchdog_board_uptime_seconds 65\n", text);
            Assert.Contains("\nwatchdog_board_free_heap_bytes 81234\n", text);
            Assert.Contains("\nwatchdog_router_state{router=\"main\",state=\"Monitoring\"} 1\n", text);
            Assert.Contains("\nwatchdog_router_state{router=\"main\",state=\"GivenUp\"} 0\n", text);
            Assert.Contains("\n# TYPE watchdog_check_cpu_load_percent gauge\nwatchdog_check_cpu_load_percent{router=\"main\",check=\"cpu-load\"} 97\n", text);
            Assert.Contains("\nwatchdog_check_ping_loss_max_percent{router=\"main\",check=\"ping-loss\"} 50\n", text);
            Assert.Contains("\nwatchdog_check_failing{router=\"main\",check=\"interfaces\"} 0\n", text);
            Assert.Contains("\nwatchdog_check_interfaces_not_running{router=\"main\",check=\"interfaces\"} 1\n", text);
            Assert.Contains("\nwatchdog_router_last_sample_age_seconds{router=\"main\"} 5\n", text);
            Assert.Contains("\n# TYPE watchdog_router_decisions_total counter\nwatchdog_router_decisions_total{router=\"main\"} 1\n", text);
            Assert.EndsWith("watchdog_check_ping_targets_lost{router=\"main\",check=\"ping-loss\"} 0\n", text);
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
            new PrometheusMetrics(w).Write(status, -1);
            string text = w.ToString();
            Assert.DoesNotContains("watchdog_board_free_heap_bytes", text);
            Assert.DoesNotContains("watchdog_check_cpu_load_percent{", text);
            Assert.Contains("watchdog_check_cpu_high_streak{router=\"main\",check=\"cpu-load\"} 0\n", text);
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
            new PrometheusMetrics(w).Write(status, -1);
            Assert.Contains("watchdog_router_probes_total{router=\"a\\\"b\\\\c\"} 0\n", w.ToString());
            w.Clear();
            new StatusJson(w).Write(status, -1);
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
