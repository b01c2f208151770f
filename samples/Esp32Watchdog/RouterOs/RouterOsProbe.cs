using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// One health round over the RouterOS API: what the router's checks declared
    /// (<see cref="ProbeRequest"/>), fetched once per round: <c>/system/resource</c> (uptime and
    /// the requested fields, one command), the maintenance flag, <c>/interface</c> (when an
    /// interface is requested) and a <c>/ping</c> per target. Storage, the proplist included, is
    /// allocated once; a healthy round allocates nothing.
    /// </summary>
    public sealed class RouterOsProbe : IRouterProbe
    {
        private const int MaxInterfaces = 64;

        private readonly RouterSession _session;
        private readonly ProbeRequest _request;
        private readonly string _resourceProplist;
        private readonly int _timeoutMilliseconds;
        private readonly CommandBuffer _command = new CommandBuffer(192);
        private readonly RowTable _resource;
        private readonly RowTable _interfaces = new RowTable(new string[] { "name", "running", "disabled" }, MaxInterfaces, 2048);
        private readonly RowTable _ping;
        private readonly RowTable _hold = new RowTable(new string[] { "name", "comment" }, 2, 128);
        private readonly IClock _clock;
        private readonly int _roundMilliseconds;
        private readonly string _holdFlag;
        private long _deadline;

        /// <summary>Creates the probe of one router.</summary>
        /// <param name="session">The router's session (shared with its rebooter).</param>
        /// <param name="config">The watchdog's configuration (probe timeout).</param>
        /// <param name="request">What the router's checks want fetched.</param>
        public RouterOsProbe(RouterSession session, WatchdogConfig config, ProbeRequest request)
        {
            _session = session;
            _request = request;
            _timeoutMilliseconds = config.ProbeTimeoutMilliseconds;
            _roundMilliseconds = config.ProbeRoundMilliseconds;
            _holdFlag = config.MaintenanceFlagScriptName;
            _clock = session.Clock;
            _ping = new RowTable(new string[] { "packet-loss" }, request.PingCount + 2, 64);

            // Column 0 is the uptime (the policy's); then the fields the checks asked for. The
            // columns are the proplist split (no unassigned string[] elements; names hold no comma).
            string proplist = "uptime";
            for (int i = 0; i < request.ResourceCount; i++)
            {
                proplist = proplist + "," + request.Resource(i);
            }

            string[] columns = proplist.Split(',');
            _resource = new RowTable(columns, 1, 64 + 32 * columns.Length);
            _resourceProplist = proplist;
        }

        /// <inheritdoc />
        public void Probe(HealthSample sample)
        {
            // The whole round, connect included, has a deadline: the board watchdog is fed only
            // between rounds, and a slow router must not push a round past it.
            _deadline = _clock.NowMilliseconds + _roundMilliseconds;
            string detail;
            ProbeFailure failure = _session.Connect(out detail);
            if (failure != ProbeFailure.None)
            {
                sample.MarkFailed(failure, detail);
                return;
            }

            sample.MarkLoggedIn();
            ApiClient client = _session.Client;
            if (!Check(sample, "/system/resource/print", client.Run(_command.Begin().Path("/system/resource/print").Proplist(_resourceProplist), _resource, Timeout())))
            {
                return;
            }

            if (_resource.Count > 0)
            {
                TimeSpan uptime;
                if (_resource.TryGetDuration(0, 0, out uptime)) sample.UptimeSeconds = uptime.Ticks / TimeSpan.TicksPerSecond;
                for (int i = 0; i < _request.ResourceCount; i++)
                {
                    long value;
                    if (_resource.TryGetInt64(0, 1 + i, out value)) sample.SetResource(i, value);
                }
            }

            if (!CheckMaintenanceFlag(sample, client))
            {
                return;
            }

            if (_request.InterfaceCount > 0)
            {
                if (!Check(sample, "/interface/print", client.Run(_command.Begin().Path("/interface/print").Proplist("name,running,disabled"), _interfaces, Timeout())))
                {
                    return;
                }

                for (int i = 0; i < _request.InterfaceCount; i++)
                {
                    sample.SetInterfaceRunning(i, IsRunning(_request.Interface(i)));
                }
            }

            for (int t = 0; t < _request.PingTargetCount; t++)
            {
                CommandWriter ping = _command.Begin().Path("/ping").Attribute("address", _request.PingTarget(t)).Attribute("count", _request.PingCount);
                if (!Check(sample, "/ping", client.Run(ping, _ping, Timeout())))
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

        // The router-side maintenance trigger: a script named like the flag. A trap (no such
        // menu, no permission) means no flag; the hold's minutes come from its comment.
        private bool CheckMaintenanceFlag(HealthSample sample, ApiClient client)
        {
            if (_holdFlag == null || _holdFlag.Length == 0)
            {
                return true;
            }

            ErrorCode result = client.Run(_command.Begin().Path("/system/script/print").Proplist("name,comment").QueryEquals("name", _holdFlag), _hold, Timeout());
            if (result == ErrorCode.Trap || result == ErrorCode.StorageFull)
            {
                return true;
            }

            if (!Check(sample, "/system/script/print", result))
            {
                return false;
            }

            if (_hold.Count > 0)
            {
                long minutes;
                sample.MaintenanceRequested = true;
                sample.MaintenanceMinutes = _hold.TryGetInt64(0, 1, out minutes) && minutes > 0 && minutes < 100000 ? (int)minutes : 0;
            }

            return true;
        }

        // Each command gets its own timeout, cut to what is left of the round.
        private int Timeout()
        {
            long left = _deadline - _clock.NowMilliseconds;
            if (left >= _timeoutMilliseconds)
            {
                return _timeoutMilliseconds;
            }

            return left < 1 ? 1 : (int)left;
        }

        // A trap or too many rows leaves the rest unknown; a timeout or a lost connection means
        // the API stopped answering, which counts, and the session is reopened next round. A
        // command cut short by the round's deadline proves nothing: the rest stays unknown.
        private bool Check(HealthSample sample, string command, ErrorCode result)
        {
            if (result == ErrorCode.None)
            {
                return true;
            }

            if (result == ErrorCode.Timeout && _clock.NowMilliseconds >= _deadline && sample.ApiReachable)
            {
                _session.Close();
                return false;
            }

            ProbeFailure failure = RouterSession.FailureOf(result);
            if (failure == ProbeFailure.Timeout || failure == ProbeFailure.ConnectFailed || failure == ProbeFailure.ProtocolError)
            {
                _session.Close();
                sample.MarkFailed(failure, result == ErrorCode.Timeout ? command + " timed out" : command + ": connection lost (" + ErrorCodes.NameOf(result) + ")");
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
