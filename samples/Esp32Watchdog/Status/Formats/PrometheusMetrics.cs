using Esp32Watchdog.Health;
using Esp32Watchdog.Status.Report;

namespace Esp32Watchdog.Status.Formats
{
    /// <summary>
    /// Formats <c>GET /metrics</c> in the Prometheus text exposition format (version 0.0.4):
    /// per family one <c># HELP</c> and one <c># TYPE</c> line, then one sample per router
    /// labelled <c>router="NAME"</c>. Unknown values (a router never probed, a value the last
    /// round did not get) are left out rather than reported as a number. Call with
    /// <see cref="WatchdogStatus.SyncRoot"/> held. Allocated once, over the output it writes to.
    /// </summary>
    /// <remarks>
    /// The state is a state set: <c>watchdog_router_state{router="r",state="GivenUp"} 1</c>, one
    /// line per state, so an alert is a plain comparison. Names, help texts and types live in
    /// tables; formatting builds no strings. Health checks write their own fields
    /// (<see cref="ICheckFieldWriter"/>): field <c>F</c> of a check becomes the gauge
    /// <c>watchdog_check_F{router="r",check="c"}</c>, plus <c>watchdog_check_failing</c> and
    /// <c>watchdog_check_report_only</c> for every check. A family is written once, with every
    /// router's and check's sample of it (the text format wants a family's lines together), so
    /// the checks are walked once per field; a few routers and checks make that cheap.
    /// </remarks>
    public sealed class PrometheusMetrics : ICheckFieldWriter
    {
        /// <summary>The Content-Type of the text format.</summary>
        public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

        private const int LedStatus = 0;
        private const int ApiReachable = 1;
        private const int Uptime = 2;
        private const int UnhealthyStreak = 3;
        private const int ActionsInWindow = 4;
        private const int LastSampleAge = 5;
        private const int Probes = 6;
        private const int ProbeFailures = 7;
        private const int Decisions = 8;
        private const int Reboots = 9;
        private const int PowerCycles = 10;
        private const int GiveUps = 11;

        private const string CheckPrefix = "watchdog_check_";

        private static readonly string[] Names = new string[]
        {
            "watchdog_router_status",
            "watchdog_router_api_reachable",
            "watchdog_router_uptime_seconds",
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
            "Condition as the status LED shows it: 0 healthy, 1 maintenance, 2 degraded, 3 acting, 4 given up, 5 blind (answers, but cannot be used: not watched).",
            "1 when the API answered and the login succeeded in the last probe round.",
            "Router uptime reported in the last probe round.",
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

        private readonly ByteWriter _w;

        // The walk over the checks' fields: either finding the name of the wanted-th field, or
        // writing the samples of the family named _family.
        private bool _finding;
        private int _wanted;
        private int _seen;
        private string _foundName;
        private string _foundHelp;
        private string _family;
        private RouterReport _router;
        private IHealthCheck _check;

        /// <summary>Creates the formatter of one output.</summary>
        /// <param name="output">Where documents are written.</param>
        public PrometheusMetrics(ByteWriter output)
        {
            _w = output;
        }

        /// <summary>Writes every metric.</summary>
        /// <param name="status">The status (lock held by the caller).</param>
        /// <param name="freeHeapBytes">Free heap, or -1 when unknown (then the metric is left out).</param>
        public void Write(WatchdogStatus status, long freeHeapBytes)
        {
            ByteWriter w = _w;
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

            WriteChecks(status);
        }

        /// <inheritdoc />
        public void Number(string name, string help, long value)
        {
            if (_finding)
            {
                if (_seen++ == _wanted)
                {
                    _foundName = name;
                    _foundHelp = help;
                }

                return;
            }

            if (value >= 0 && name == _family)
            {
                Sample(name, value);
            }
        }

        private void WriteChecks(WatchdogStatus status)
        {
            for (int flag = 0; flag < 2; flag++)
            {
                Family(_w, flag == 0 ? "watchdog_check_failing" : "watchdog_check_report_only",
                    flag == 0 ? "1 when the health check failed in the last probe round." : "1 when the health check is report-only (never acted on).", false);
                for (int i = 0; i < status.RouterCount; i++)
                {
                    _router = status.GetRouter(i);
                    for (int c = 0; c < _router.Checks.Length; c++)
                    {
                        _check = _router.Checks[c];
                        Sample(flag == 0 ? "failing" : "report_only", (flag == 0 ? _router.IsFailing(c) : _check.ReportOnly) ? 1 : 0);
                    }
                }
            }

            // The checks' own fields: one family per field name, in the order first met.
            for (int i = 0; i < status.RouterCount; i++)
            {
                RouterReport r = status.GetRouter(i);
                for (int c = 0; c < r.Checks.Length; c++)
                {
                    for (int k = 0; FieldName(r, c, k) != null; k++)
                    {
                        string name = _foundName;
                        string help = _foundHelp;
                        if (MetBefore(status, i, c, k, name))
                        {
                            continue;
                        }

                        _w.Text("# HELP ");
                        _w.Text(CheckPrefix);
                        _w.Text(name);
                        _w.Byte((byte)' ');
                        _w.Text(help);
                        _w.Text("\n# TYPE ");
                        _w.Text(CheckPrefix);
                        _w.Text(name);
                        _w.Text(" gauge\n");
                        _finding = false;
                        _family = name;
                        for (int i2 = i; i2 < status.RouterCount; i2++)
                        {
                            _router = status.GetRouter(i2);
                            for (int c2 = 0; c2 < _router.Checks.Length; c2++)
                            {
                                _check = _router.Checks[c2];
                                _check.WriteFields(this, _router.LastRound);
                            }
                        }
                    }
                }
            }

            _family = null;
            _router = null;
            _check = null;
        }

        // The name of the k-th field of a router's check (and its help in _foundHelp); null past the last.
        private string FieldName(RouterReport r, int check, int k)
        {
            _finding = true;
            _wanted = k;
            _seen = 0;
            _foundName = null;
            _foundHelp = null;
            r.Checks[check].WriteFields(this, r.LastRound);
            _finding = false;
            return _foundName;
        }

        // Whether a field of this name came before the k-th field of check c of router i.
        private bool MetBefore(WatchdogStatus status, int i, int c, int k, string name)
        {
            for (int i2 = 0; i2 <= i; i2++)
            {
                RouterReport r = status.GetRouter(i2);
                int checks = i2 < i ? r.Checks.Length : c + 1;
                for (int c2 = 0; c2 < checks; c2++)
                {
                    int fields = i2 < i || c2 < c ? int.MaxValue : k;
                    for (int k2 = 0; k2 < fields && FieldName(r, c2, k2) != null; k2++)
                    {
                        if (_foundName == name)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private void Sample(string field, long value)
        {
            _w.Text(CheckPrefix);
            _w.Text(field);
            _w.Text("{router=\"");
            _w.LabelValue(_router.Name, StatusJson.MaxNameChars);
            _w.Text("\",check=\"");
            _w.Text(_check.Name);
            _w.Text("\"} ");
            _w.Number(value);
            _w.Byte((byte)'\n');
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
                case Uptime: return r.UptimeSeconds;
                case LastSampleAge: return (now - r.SampleAtMilliseconds) / 1000;
                default: return -1;
            }
        }
    }
}
