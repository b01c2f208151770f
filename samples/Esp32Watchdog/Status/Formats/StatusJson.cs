using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Report;

namespace Esp32Watchdog.Status.Formats
{
    /// <summary>
    /// Formats <c>GET /status</c>: one JSON object with the board and each router. Numbers are
    /// integers; unknown values are <c>null</c>. Names and reasons are cut to a fixed length so the
    /// size has a bound (about 700 bytes per router with two ping targets).
    /// </summary>
    /// <remarks>
    /// Shape: <c>{"board":{"uptime_ms":N,"free_heap_bytes":N|null,"network_up":B,"decisions":N},
    /// "routers":[{"name":S,"state":S,"status":S,"paused":B,"unhealthy_streak":N,
    /// "actions_in_window":N,"last_sample":null|{"age_ms":N,"api_reachable":B,"failure":S|null,
    /// "cpu_load_percent":N,"free_memory_bytes":N,"total_memory_bytes":N,"uptime_seconds":N,
    /// "interfaces_not_running":N|null,"ping_loss_percent":[N,...]},"last_decision":null|{"code":S,
    /// "reason":S,"age_ms":N},"counters":{"probes":N,"probe_failures":N,"decisions":N,
    /// "reboots":N,"power_cycles":N,"give_ups":N}}]}</c>.
    /// Call with <see cref="WatchdogStatus.SyncRoot"/> held.
    /// </remarks>
    public static class StatusJson
    {
        /// <summary>The most characters of a router name written.</summary>
        public const int MaxNameChars = 32;

        /// <summary>The most characters of a decision reason written.</summary>
        public const int MaxReasonChars = 160;

        /// <summary>Writes the document.</summary>
        /// <param name="status">The status (lock held by the caller).</param>
        /// <param name="freeHeapBytes">Free heap, or -1 when unknown.</param>
        /// <param name="w">The output.</param>
        public static void Write(WatchdogStatus status, long freeHeapBytes, ByteWriter w)
        {
            long now = status.UptimeMilliseconds;
            w.Text("{\"board\":{\"uptime_ms\":");
            w.Number(now);
            w.Text(",\"free_heap_bytes\":");
            NumberOrNull(w, freeHeapBytes);
            w.Text(",\"network_up\":");
            Bool(w, status.NetworkUp);
            w.Text(",\"decisions\":");
            w.Number(status.BoardDecisions);
            w.Text("},\"routers\":[");
            for (int i = 0; i < status.RouterCount; i++)
            {
                if (i > 0)
                {
                    w.Byte((byte)',');
                }

                Router(w, status.GetRouter(i), now);
            }

            w.Text("]}\n");
        }

        private static void Router(ByteWriter w, RouterReport r, long now)
        {
            w.Text("{\"name\":");
            w.JsonString(r.Name, MaxNameChars);
            w.Text(",\"state\":\"");
            w.Text(StatusNames.Of(r.State));
            w.Text("\",\"status\":\"");
            w.Text(StatusNames.Of(r.Condition));
            w.Text("\",\"paused\":");
            Bool(w, r.Paused);
            w.Text(",\"unhealthy_streak\":");
            w.Number(r.UnhealthyStreak);
            w.Text(",\"actions_in_window\":");
            w.Number(r.ActionsInWindow);
            w.Text(",\"last_sample\":");
            if (!r.HasSample)
            {
                w.Text("null");
            }
            else
            {
                w.Text("{\"age_ms\":");
                w.Number(now - r.SampleAtMilliseconds);
                w.Text(",\"api_reachable\":");
                Bool(w, r.ApiReachable);
                w.Text(",\"failure\":");
                if (r.ApiReachable)
                {
                    w.Text("null");
                }
                else
                {
                    w.Byte((byte)'"');
                    w.Text(StatusNames.Of(r.Failure));
                    w.Byte((byte)'"');
                }

                w.Text(",\"cpu_load_percent\":");
                NumberOrNull(w, r.CpuLoadPercent);
                w.Text(",\"free_memory_bytes\":");
                NumberOrNull(w, r.FreeMemoryBytes);
                w.Text(",\"total_memory_bytes\":");
                NumberOrNull(w, r.TotalMemoryBytes);
                w.Text(",\"uptime_seconds\":");
                NumberOrNull(w, r.UptimeSeconds);
                w.Text(",\"interfaces_not_running\":");
                NumberOrNull(w, r.ApiReachable ? r.InterfacesNotRunning : -1);
                w.Text(",\"ping_loss_percent\":[");
                for (int t = 0; t < r.PingTargetCount; t++)
                {
                    if (t > 0)
                    {
                        w.Byte((byte)',');
                    }

                    NumberOrNull(w, r.GetPingLoss(t));
                }

                w.Text("]}");
            }

            w.Text(",\"last_decision\":");
            Decision d = r.LastDecision;
            if (d == null)
            {
                w.Text("null");
            }
            else
            {
                w.Text("{\"code\":\"");
                w.Text(Decision.NameOf(d.Code));
                w.Text("\",\"reason\":");
                w.JsonString(d.Reason, MaxReasonChars);
                w.Text(",\"age_ms\":");
                w.Number(now - d.AtMilliseconds);
                w.Byte((byte)'}');
            }

            w.Text(",\"counters\":{\"probes\":");
            w.Number(r.Probes);
            w.Text(",\"probe_failures\":");
            w.Number(r.ProbeFailures);
            w.Text(",\"decisions\":");
            w.Number(r.Decisions);
            w.Text(",\"reboots\":");
            w.Number(r.Reboots);
            w.Text(",\"power_cycles\":");
            w.Number(r.PowerCycles);
            w.Text(",\"give_ups\":");
            w.Number(r.GiveUps);
            w.Text("}}");
        }

        private static void NumberOrNull(ByteWriter w, long value)
        {
            if (value < 0)
            {
                w.Text("null");
            }
            else
            {
                w.Number(value);
            }
        }

        private static void Bool(ByteWriter w, bool value)
        {
            w.Text(value ? "true" : "false");
        }
    }
}
