using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// Reboots a router with <c>/system/reboot</c>. The router may answer <c>!done</c> then drop
    /// the connection, drop it at once, or send <c>!fatal</c>: all three mean it is rebooting.
    /// Anything else (a trap for a user without the reboot policy, no answer) is a failure.
    /// </summary>
    public sealed class RouterOsRebooter : IRouterRebooter
    {
        private readonly RouterSession _session;
        private readonly int _timeoutMilliseconds;
        private readonly CommandBuffer _command = new CommandBuffer(64);
        private readonly RowTable _rows = new RowTable(new string[] { "message" }, 1, 64);
        private readonly RouterLogTrace _trace;

        /// <summary>
        /// Creates the rebooter of one router. When <see cref="MonitoringConfig.TraceRebootsInRouterLog"/>
        /// is on, it first writes the request's reason to the router's log (<see cref="RouterLogTrace"/>).
        /// </summary>
        /// <param name="session">The router's session (shared with its probe).</param>
        /// <param name="config">The watchdog's configuration (probe timeout, monitoring).</param>
        public RouterOsRebooter(RouterSession session, WatchdogConfig config)
        {
            _session = session;
            _timeoutMilliseconds = config.ProbeTimeoutMilliseconds;
            bool trace = config.Monitoring != null && config.Monitoring.TraceRebootsInRouterLog;
            _trace = trace ? new RouterLogTrace(config, session.Router) : null;
        }

        /// <summary>The trace written before each reboot, or null when tracing is off.</summary>
        public RouterLogTrace Trace
        {
            get { return _trace; }
        }

        /// <inheritdoc />
        public RebootResult Reboot(Decision request)
        {
            string detail;
            if (_session.Connect(out detail) != ProbeFailure.None)
            {
                return RebootResult.Failed;
            }

            if (_trace != null && request != null && _trace.Write(_session.Client, request.Reason) != ErrorCode.None
                && !_session.Client.IsConnected)
            {
                // The trace lost the connection (a timeout closes it): reconnect once for the reboot.
                if (_session.Connect(out detail) != ProbeFailure.None)
                {
                    return RebootResult.Failed;
                }
            }

            ErrorCode result = _session.Client.Run(_command.Begin().Path("/system/reboot"), _rows, _timeoutMilliseconds);
            _session.Close();
            return result == ErrorCode.None || result == ErrorCode.PeerClosed || result == ErrorCode.Fatal || result == ErrorCode.TransportError
                ? RebootResult.Rebooting
                : RebootResult.Failed;
        }
    }
}
