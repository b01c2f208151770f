using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Supervision;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// A RouterOS probe for the footprint report, following the round IRouterProbe documents
    /// (resource, interfaces, ping) over an <see cref="ApiClient"/> with fixed RowTables. The
    /// sample's own probe is not written yet (TODO in Platform/Program.cs); this one stands in,
    /// allocating everything in its constructor, as device code would.
    /// </summary>
    public sealed class BenchRouterProbe : IRouterProbe, IRouterRebooter
    {
        private const int ProbeTimeoutMilliseconds = 15000;

        private readonly RouterConfig _router;
        private readonly ApiClient _client;
        private readonly ITransport _transport;
        private readonly RowTable _resource = new RowTable(new[] { "uptime", "cpu-load", "free-memory", "total-memory" }, 1, 96);
        private readonly RowTable _interfaces = new RowTable(new[] { "name", "running", "disabled" }, 16, 384);
        private readonly RowTable _ping = new RowTable(new[] { "packet-loss" }, 10, 40);

        public BenchRouterProbe(RouterConfig router, ClientOptions options, ITransport transport)
        {
            _router = router;
            _client = new ApiClient(options);
            _transport = transport;
        }

        public HealthSample LastSample { get; private set; }

        public void Probe(HealthSample sample)
        {
            LastSample = sample;
            if (!_client.IsConnected)
            {
                try
                {
                    _client.Connect(_transport, _router.User, _router.Password);
                }
                catch (MikrotikException e)
                {
                    sample.MarkFailed(e.Code == ErrorCode.Timeout ? ProbeFailure.Timeout : ProbeFailure.LoginRejected, e.Message);
                    return;
                }
            }

            sample.MarkLoggedIn();
            CommandWriter c = _client.NewCommand().Path("/system/resource/print").Proplist("uptime,cpu-load,free-memory,total-memory");
            if (_client.Run(c, _resource, ProbeTimeoutMilliseconds) != ErrorCode.None || _resource.Count == 0)
            {
                return;
            }

            long value;
            if (_resource.TryGetInt64(0, 1, out value)) sample.CpuLoadPercent = (int)value;
            if (_resource.TryGetInt64(0, 2, out value)) sample.FreeMemoryBytes = value;
            if (_resource.TryGetInt64(0, 3, out value)) sample.TotalMemoryBytes = value;
            long seconds;
            if (RouterOsDuration.TryParseSeconds(_resource.GetString(0, 0), out seconds)) sample.UptimeSeconds = seconds;

            c = _client.NewCommand().Path("/interface/print").Proplist("name,running,disabled");
            if (_client.Run(c, _interfaces, ProbeTimeoutMilliseconds) != ErrorCode.None)
            {
                return;
            }

            for (int w = 0; w < _router.WatchedInterfaces.Length; w++)
            {
                string name = _router.WatchedInterfaces[w];
                bool ok = false;
                for (int r = 0; r < _interfaces.Count; r++)
                {
                    if (_interfaces.ValueEquals(r, 0, name))
                    {
                        ok = _interfaces.ValueEquals(r, 1, "true") && !_interfaces.ValueEquals(r, 2, "true");
                    }
                }

                if (!ok)
                {
                    sample.AddInterfaceNotRunning(name);
                }
            }

            for (int t = 0; t < _router.PingTargets.Length; t++)
            {
                c = _client.NewCommand().Path("/ping").Attribute("address", _router.PingTargets[t]).Attribute("count", _router.PingCount);
                if (_client.Run(c, _ping, ProbeTimeoutMilliseconds) != ErrorCode.None || _ping.Count == 0)
                {
                    return;
                }

                if (_ping.TryGetInt64(_ping.Count - 1, 0, out value))
                {
                    sample.SetPingLoss(t, (int)value);
                }
            }
        }

        public RebootResult Reboot()
        {
            return RebootResult.Failed;
        }

        public void Close()
        {
            _client.Close();
        }
    }
}
