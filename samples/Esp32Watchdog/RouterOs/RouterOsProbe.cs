using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// One health round over the RouterOS API: resources, watched interfaces, pings from the
    /// router. Storage is allocated once; a healthy round allocates nothing.
    /// </summary>
    public sealed class RouterOsProbe : IRouterProbe
    {
        private const int MaxInterfaces = 64;

        private readonly RouterSession _session;
        private readonly RouterConfig _router;
        private readonly int _timeoutMilliseconds;
        private readonly CommandBuffer _command = new CommandBuffer(192);
        private readonly RowTable _resource = new RowTable(new string[] { "uptime", "cpu-load", "free-memory", "total-memory" }, 1, 96);
        private readonly RowTable _interfaces = new RowTable(new string[] { "name", "running", "disabled" }, MaxInterfaces, 2048);
        private readonly RowTable _ping;

        /// <summary>Creates the probe of one router.</summary>
        /// <param name="session">The router's session (shared with its rebooter).</param>
        /// <param name="config">The watchdog's configuration (probe timeout).</param>
        public RouterOsProbe(RouterSession session, WatchdogConfig config)
        {
            _session = session;
            _router = session.Router;
            _timeoutMilliseconds = config.ProbeTimeoutMilliseconds;
            _ping = new RowTable(new string[] { "packet-loss" }, _router.PingCount + 2, 64);
        }

        /// <inheritdoc />
        public void Probe(HealthSample sample)
        {
            string detail;
            ProbeFailure failure = _session.Connect(out detail);
            if (failure != ProbeFailure.None)
            {
                sample.MarkFailed(failure, detail);
                return;
            }

            sample.MarkLoggedIn();
            ApiClient client = _session.Client;
            if (!Check(sample, "/system/resource/print", client.Run(_command.Begin().Path("/system/resource/print").Proplist("uptime,cpu-load,free-memory,total-memory"), _resource, _timeoutMilliseconds)))
            {
                return;
            }

            if (_resource.Count > 0)
            {
                long value;
                if (_resource.TryGetInt64(0, 1, out value)) sample.CpuLoadPercent = (int)value;
                if (_resource.TryGetInt64(0, 2, out value)) sample.FreeMemoryBytes = value;
                if (_resource.TryGetInt64(0, 3, out value)) sample.TotalMemoryBytes = value;
                TimeSpan uptime;
                if (_resource.TryGetDuration(0, 0, out uptime)) sample.UptimeSeconds = uptime.Ticks / TimeSpan.TicksPerSecond;
            }

            if (_router.WatchedInterfaces.Length > 0)
            {
                if (!Check(sample, "/interface/print", client.Run(_command.Begin().Path("/interface/print").Proplist("name,running,disabled"), _interfaces, _timeoutMilliseconds)))
                {
                    return;
                }

                for (int i = 0; i < _router.WatchedInterfaces.Length; i++)
                {
                    if (!IsRunning(_router.WatchedInterfaces[i]))
                    {
                        sample.AddInterfaceNotRunning(_router.WatchedInterfaces[i]);
                    }
                }
            }

            for (int t = 0; t < _router.PingTargets.Length; t++)
            {
                CommandWriter ping = _command.Begin().Path("/ping").Attribute("address", _router.PingTargets[t]).Attribute("count", _router.PingCount);
                if (!Check(sample, "/ping", client.Run(ping, _ping, _timeoutMilliseconds)))
                {
                    return;
                }

                long loss;
                if (_ping.Count > 0 && _ping.TryGetInt64(_ping.Count - 1, 0, out loss))
                {
                    sample.SetPingLoss(t, (int)loss);
                }
            }
        }

        // A trap or too many rows leaves the rest unknown; a timeout or a lost connection means
        // the API stopped answering, which counts, and the session is reopened next round.
        private bool Check(HealthSample sample, string command, ErrorCode result)
        {
            if (result == ErrorCode.None)
            {
                return true;
            }

            ProbeFailure failure = RouterSession.FailureOf(result);
            if (failure == ProbeFailure.Timeout || failure == ProbeFailure.ConnectFailed || failure == ProbeFailure.ProtocolError)
            {
                _session.Close();
                sample.MarkFailed(failure, result == ErrorCode.Timeout ? command + " timed out" : command + ": connection lost");
            }

            return false;
        }

        private bool IsRunning(string name)
        {
            for (int row = 0; row < _interfaces.Count; row++)
            {
                if (_interfaces.ValueEquals(row, 0, name))
                {
                    bool running = _interfaces.ValueEquals(row, 1, "true") || _interfaces.ValueEquals(row, 1, "yes");
                    bool disabled = _interfaces.ValueEquals(row, 2, "true") || _interfaces.ValueEquals(row, 2, "yes");
                    return running && !disabled;
                }
            }

            return false;
        }
    }
}
