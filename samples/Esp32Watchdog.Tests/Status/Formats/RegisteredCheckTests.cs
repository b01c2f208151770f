using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Status.Formats
{
    /// <summary>
    /// A check the firmware does not know, added only by registering it in a router's
    /// configuration, is judged, reported and shown in /status and /metrics: no formatter, sample
    /// or decision text knows it.
    /// </summary>
    [TestClass]
    public class RegisteredCheckTests
    {
        /// <summary>The test's own report-only check fails, is reported once, never acted on, and its fields show in both documents.</summary>
        [TestMethod]
        public static void RegisteredCheckShowsInStatusAndMetrics()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            IHealthCheck[] own = config.Routers[0].Checks;
            config.Routers[0].Checks = new IHealthCheck[] { own[0], own[1], new BusyWarning() };
            Assert.IsNull(config.Validate());
            StatusRig rig = new StatusRig(config);
            rig.Router.CpuLoad = 60;
            for (int i = 0; i < 40; i++)
            {
                rig.Step();
            }

            Assert.AreEqual((int)PolicyState.Monitoring, (int)rig.Status.GetRouter(0).State, "a report-only check never acts");
            Assert.AreEqual(1, rig.Log.CountOf(DecisionCode.ReportOnlyFinding), rig.Log.ToString());
            Assert.Contains("cpu-load 60% is busy (report only)", rig.Log.Last.Reason);

            string json = rig.Json();
            long rounds = rig.Status.GetRouter(0).Probes;
            Assert.Contains("\"busy\":{\"failing\":true,\"report_only\":true,\"busy_rounds\":" + rounds.ToString() + "}", json);
            string metrics = rig.Metrics();
            Assert.Contains("# HELP watchdog_check_busy_rounds Rounds with cpu-load above half.\n# TYPE watchdog_check_busy_rounds gauge\n"
                + "watchdog_check_busy_rounds{router=\"main\",check=\"busy\"} " + rounds.ToString() + "\n", metrics);
            Assert.Contains("watchdog_check_failing{router=\"main\",check=\"busy\"} 1\n", metrics);
            Assert.Contains("watchdog_check_report_only{router=\"main\",check=\"busy\"} 1\n", metrics);

            rig.Router.CpuLoad = 12;
            rig.Step();
            rig.Step();
            Assert.AreEqual(1, rig.Log.CountOf(DecisionCode.ReportOnlyCleared), rig.Log.ToString());
            Assert.Contains("\"busy\":{\"failing\":false,", rig.Json());
        }

        /// <summary>The endpoint's buffer grows with the checks' fields, so every router's checks fit.</summary>
        [TestMethod]
        public static void BodyCapacityGrowsWithTheChecks()
        {
            StatusRig plain = new StatusRig();
            WatchdogConfig config = TestConfigs.Valid(26);
            IHealthCheck[] own = config.Routers[0].Checks;
            config.Routers[0].Checks = new IHealthCheck[] { own[0], own[1], new BusyWarning() };
            StatusRig more = new StatusRig(config);
            Assert.IsTrue(StatusHttpHandler.BodyCapacityFor(more.Status) > StatusHttpHandler.BodyCapacityFor(plain.Status));
            for (int i = 0; i < 5; i++)
            {
                more.Step();
            }

            ByteWriter w = new ByteWriter(StatusHttpHandler.BodyCapacityFor(more.Status));
            new PrometheusMetrics(w).Write(more.Status, 81234);
            Assert.IsFalse(w.Overflowed);
            int metrics = w.Length;
            w.Clear();
            new StatusJson(w).Write(more.Status, 81234);
            Assert.IsFalse(w.Overflowed);
            OutputHelper.WriteLine("one router, five checks: /metrics " + metrics.ToString() + " bytes, /status " + w.Length.ToString()
                + " bytes, buffer " + StatusHttpHandler.BodyCapacityFor(more.Status).ToString());
            Assert.IsTrue(metrics * 5 / 4 <= StatusHttpHandler.BodyCapacityFor(more.Status), "at least a quarter to spare");

            // Without checks: the part of the budget that does not depend on them.
            WatchdogConfig none = TestConfigs.Valid(26);
            none.Checks = new IHealthCheck[0];
            none.Routers[0].Checks = new IHealthCheck[0];
            StatusRig bare = new StatusRig(none);
            bare.Step();
            w.Clear();
            new PrometheusMetrics(w).Write(bare.Status, 81234);
            OutputHelper.WriteLine("one router, no checks: /metrics " + w.Length.ToString() + " bytes, buffer " + StatusHttpHandler.BodyCapacityFor(bare.Status).ToString());
            Assert.IsTrue(w.Length * 5 / 4 <= StatusHttpHandler.BodyCapacityFor(bare.Status), "at least a quarter to spare without checks");
        }

        // A check of the test's own: cpu-load above half is worth a look, never a reboot.
        private sealed class BusyWarning : IHealthCheck
        {
            private int _slot = -1;
            private int _rounds;

            public string Name
            {
                get { return "busy"; }
            }

            public bool ReportOnly
            {
                get { return true; }
            }

            public string Validate()
            {
                return null;
            }

            public IHealthCheck Copy()
            {
                return new BusyWarning();
            }

            public void Declare(ProbeRequest request)
            {
                _slot = request.AddResource("cpu-load");
            }

            public bool Judge(IProbedValues round)
            {
                bool busy = round.ApiReachable && round.Resource(_slot) > 50;
                _rounds += busy ? 1 : 0;
                return busy;
            }

            public void Reset()
            {
            }

            public string Finding(IProbedValues round)
            {
                return "cpu-load " + (round == null ? "?" : round.Resource(_slot).ToString()) + "% is busy";
            }

            public void WriteFields(ICheckFieldWriter fields, IProbedValues round)
            {
                fields.Number("busy_rounds", "Rounds with cpu-load above half.", _rounds);
            }
        }
    }
}
