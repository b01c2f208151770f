using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// RouterOS over its API (<see cref="RouterConfig.RouterOsKind"/>): one session per router,
    /// shared by its <see cref="RouterOsProbe"/> and its <see cref="RouterOsRebooter"/>.
    /// </summary>
    public sealed class RouterOsKind : IRouterKind
    {
        private readonly ITransportFactory _transports;
        private readonly IClock _clock;
        private readonly ConnectionOptions _connection;
        private readonly int _readSliceMilliseconds;

        /// <summary>Creates the kind over a way to open connections.</summary>
        /// <param name="transports">Opens API or API-SSL connections (the board's sockets, the host's, a test's script).</param>
        /// <param name="clock">The clock the clients run on.</param>
        /// <param name="connection">Client buffer sizes; null for the defaults.</param>
        /// <param name="readSliceMilliseconds">How long one read waits (see <see cref="ClientOptions.ReadSliceMilliseconds"/>); 0 for the default.</param>
        public RouterOsKind(ITransportFactory transports, IClock clock, ConnectionOptions connection, int readSliceMilliseconds)
        {
            _transports = transports;
            _clock = clock;
            _connection = connection;
            _readSliceMilliseconds = readSliceMilliseconds;
        }

        /// <inheritdoc />
        public string Name
        {
            get { return RouterConfig.RouterOsKind; }
        }

        /// <summary>The session of the last router created (its probe and rebooter share it); for the host runner and tests.</summary>
        public RouterSession LastSession { get; private set; }

        /// <inheritdoc />
        public IRouterProbe Create(WatchdogConfig config, RouterLog log, out IRouterRebooter rebooter)
        {
            ClientOptions options = new ClientOptions();
            options.Clock = _clock;
            options.LoginTimeoutMilliseconds = config.ProbeTimeoutMilliseconds;
            if (_connection != null)
            {
                options.Connection = _connection;
            }

            if (_readSliceMilliseconds > 0)
            {
                options.ReadSliceMilliseconds = _readSliceMilliseconds;
            }

            RouterSession session = new RouterSession(config.Routers[log.RouterIndex], _transports, options, log);
            LastSession = session;
            rebooter = new RouterOsRebooter(session, config);
            return new RouterOsProbe(session, config);
        }
    }
}
