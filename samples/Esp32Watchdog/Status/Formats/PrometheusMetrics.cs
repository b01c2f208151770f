using Esp32Watchdog.Status.Report;

namespace Esp32Watchdog.Status.Formats
{
    /// <summary>
    /// Formats <c>GET /metrics</c> in the Prometheus text exposition format (version 0.0.4):
    /// per family one <c># HELP</c> and one <c># TYPE</c> line, then one sample per router
    /// labelled <c>router="NAME"</c>. Unknown values (a router never probed, a value the last
    /// round did not get) are left out rather than reported as a number. Call with
    /// <see cref="WatchdogStatus.SyncRoot"/> held.
    /// </summary>
    /// <remarks>
    /// The state is a state set: <c>watchdog_router_state{router="r",state="GivenUp"} 1</c>, one
    /// line per state, so an alert is a plain comparison. Names, help texts and types live in
    /// tables; formatting builds no strings.
    /// </remarks>
    public static class PrometheusMetrics
    {
        /// <summary>The Content-Type of the text format.</summary>
        public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

        private const int LedStatus = 0;
        private const int ApiReachable = 1;
        private const int CpuLoad = 2;
        private const int FreeMemory = 3;
        private const int TotalMemory = 4;
        private const int Uptime = 5;
        private const int InterfacesDown = 6;
        private const int PingLoss = 7;
        private const int UnhealthyStreak = 8;
        private const int ActionsInWindow = 9;
        private const int LastSampleAge = 10;
        private const int Probes = 11;
        private const int ProbeFailures = 12;
        private const int Decisions = 13;
        private const int Reboots = 14;
        private const int PowerCycles = 15;
        private const int GiveUps = 16;

        private static readonly string[] Names = new string[]
        {
            "watchdog_router_status",
            "watchdog_router_api_reachable",
            "watchdog_router_cpu_load_percent",
            "watchdog_router_free_memory_bytes",
            "watchdog_router_total_memory_bytes",
            "watchdog_router_uptime_seconds",
            "watchdog_router_interfaces_not_running",
            "watchdog_router_ping_loss_max_percent",
            "watchdog_router_unhealthy_streak",
            "watchdog_router_actions_in_window",
            "watchdog_router_last_sample_age_seconds",
            "watchdog_router_probes_total",
            "watchdog_router_probe_failures_total",
            "watchdog_router_decisions_total",
            "watchdog_router_reboots_total",
            "watchdog_router_power_cycles_total",
            "watchdog_router_give_ups_total",
        };

        private static readonly string[] Help = new string[]
        {
            "Condition as the status LED shows it: 0 healthy, 1 maintenance, 2 degraded, 3 acting, 4 given up.",
            "1 when the API answered and the login succeeded in the last probe round.",
            "cpu-load reported in the last probe round.",
            "free-memory reported in the last probe round.",
            "total-memory reported in the last probe round.",
            "Router uptime reported in the last probe round.",
            "Watched interfaces not running in the last probe round.",
            "Worst packet loss to the ping targets in the last probe round.",
            "Consecutive unhealthy probe rounds.",
            "API reboots and power-cycles in the sliding action window.",
            "Seconds since the last probe round.",
            "Probe rounds since the board started.",
            "Probe rounds in which the API could not be used.",
            "Decisions about the router since the board started.",
            "API reboots requested since the board started.",
            "Power-cycles requested since the board started.",
            "Times the watchdog gave up on the router since the board started.",
        };

        /// <summary>Writes every metric.</summary>
        /// <param name="status">The status (lock held by the caller).</param>
        /// <param name="freeHeapBytes">Free heap, or -1 when unknown (then the metric is left out).</param>
        /// <param name="w">The output.</param>
        public static void Write(WatchdogStatus status, long freeHeapBytes, ByteWriter w)
        {
            long now = status.UptimeMilliseconds;
            Family(w, "watchdog_board_uptime_seconds", "Seconds since the board started.", false);
            w.Text("watchdog_board_uptime_seconds ");
            w.Number(now / 1000);
            w.Byte((byte)'\n');
            if (freeHeapBytes >= 0)
            {
                Family(w, "watchdog_board_free_heap_bytes", "Free managed heap of the board.", false);
                w.Text("watchdog_board_free_heap_bytes ");
                w.Number(freeHeapBytes);
                w.Byte((byte)'\n');
            }

            Family(w, "watchdog_board_network_up", "1 while the board's own network is up.", false);
            w.Text("watchdog_board_network_up ");
            w.Number(status.NetworkUp ? 1 : 0);
            w.Byte((byte)'\n');

            Family(w, "watchdog_router_state", "1 for the policy state the router is in, 0 for the others.", false);
            for (int i = 0; i < status.RouterCount; i++)
            {
                RouterReport r = status.GetRouter(i);
                for (int s = 0; s < StatusNames.States.Length; s++)
                {
                    w.Text("watchdog_router_state{router=\"");
                    w.LabelValue(r.Name, StatusJson.MaxNameChars);
                    w.Text("\",state=\"");
                    w.Text(StatusNames.Of(StatusNames.States[s]));
                    w.Text("\"} ");
                    w.Number(r.State == StatusNames.States[s] ? 1 : 0);
                    w.Byte((byte)'\n');
                }
            }

            for (int m = 0; m < Names.Length; m++)
            {
                Family(w, Names[m], Help[m], m >= Probes);
                for (int i = 0; i < status.RouterCount; i++)
                {
                    RouterReport r = status.GetRouter(i);
                    long value = Value(r, m, now);
                    if (value < 0)
                    {
                        continue;
                    }

                    w.Text(Names[m]);
                    w.Text("{router=\"");
                    w.LabelValue(r.Name, StatusJson.MaxNameChars);
                    w.Text("\"} ");
                    w.Number(value);
                    w.Byte((byte)'\n');
                }
            }
        }

        private static void Family(ByteWriter w, string name, string help, bool counter)
        {
            w.Text("# HELP ");
            w.Text(name);
            w.Byte((byte)' ');
            w.Text(help);
            w.Text("\n# TYPE ");
            w.Text(name);
            w.Text(counter ? " counter\n" : " gauge\n");
        }

        // -1 leaves the sample out.
        private static long Value(RouterReport r, int metric, long now)
        {
            switch (metric)
            {
                case LedStatus: return (long)r.Condition;
                case UnhealthyStreak: return r.UnhealthyStreak;
                case ActionsInWindow: return r.ActionsInWindow;
                case Probes: return r.Probes;
                case ProbeFailures: return r.ProbeFailures;
                case Decisions: return r.Decisions;
                case Reboots: return r.Reboots;
                case PowerCycles: return r.PowerCycles;
                case GiveUps: return r.GiveUps;
            }

            if (!r.HasSample)
            {
                return -1;
            }

            switch (metric)
            {
                case ApiReachable: return r.ApiReachable ? 1 : 0;
                case CpuLoad: return r.CpuLoadPercent;
                case FreeMemory: return r.FreeMemoryBytes;
                case TotalMemory: return r.TotalMemoryBytes;
                case Uptime: return r.UptimeSeconds;
                case InterfacesDown: return r.ApiReachable ? r.InterfacesNotRunning : -1;
                case PingLoss: return WorstPingLoss(r);
                case LastSampleAge: return (now - r.SampleAtMilliseconds) / 1000;
                default: return -1;
            }
        }

        private static long WorstPingLoss(RouterReport r)
        {
            int worst = -1;
            for (int t = 0; t < r.PingTargetCount; t++)
            {
                if (r.GetPingLoss(t) > worst)
                {
                    worst = r.GetPingLoss(t);
                }
            }

            return worst;
        }
    }
}
