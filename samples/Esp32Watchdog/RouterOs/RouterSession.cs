using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// The API session of one router, shared by its probe and its rebooter. It stays open between
    /// rounds (a TLS handshake costs the board seconds and RAM) and is reopened when it breaks.
    /// </summary>
    public sealed class RouterSession
    {
        private readonly RouterConfig _router;
        private readonly ITransportFactory _transports;
        private readonly ApiClient _client;
        private readonly IClock _clock;
        private readonly RouterLog _log;

        /// <summary>Creates the session and its client; nothing connects yet. Warnings go to the console.</summary>
        /// <param name="router">The router.</param>
        /// <param name="transports">Opens connections.</param>
        /// <param name="options">Client sizes and timing (the clock, the login timeout).</param>
        public RouterSession(RouterConfig router, ITransportFactory transports, ClientOptions options)
            : this(router, transports, options, null)
        {
        }

        /// <summary>Creates the session and its client; nothing connects yet.</summary>
        /// <param name="router">The router.</param>
        /// <param name="transports">Opens connections.</param>
        /// <param name="options">Client sizes and timing (the clock, the login timeout).</param>
        /// <param name="log">The router's log, where warnings go (a plaintext connect); null for the console.</param>
        public RouterSession(RouterConfig router, ITransportFactory transports, ClientOptions options, RouterLog log)
        {
            _router = router;
            _transports = transports;
            _client = new ApiClient(options);
            _clock = options.Clock == null ? new SystemClock() : options.Clock;
            _log = log == null ? new RouterLog(new ConsoleDecisionLog(), Decision.Board, router.Name) : log;
        }

        /// <summary>The clock the session's client runs on (the probe's round deadline uses it).</summary>
        public IClock Clock
        {
            get { return _clock; }
        }

        /// <summary>The client, connected after a successful <see cref="Connect"/>.</summary>
        public ApiClient Client
        {
            get { return _client; }
        }

        /// <summary>The router.</summary>
        public RouterConfig Router
        {
            get { return _router; }
        }

        /// <summary>Connects and logs in unless already connected.</summary>
        /// <param name="detail">A short reason on failure (allocated only then).</param>
        /// <returns><see cref="ProbeFailure.None"/>, or why the API could not be used.</returns>
        public ProbeFailure Connect(out string detail)
        {
            detail = null;
            if (_client.IsConnected)
            {
                return ProbeFailure.None;
            }

            ITransport transport;
            try
            {
                transport = _transports.Open(_router);
            }
            catch (MikrotikException e)
            {
                detail = e.Message;
                return e.Code == ErrorCode.TlsError ? ProbeFailure.TlsRejected
                    : e.Code == ErrorCode.Timeout ? ProbeFailure.Timeout
                    : ProbeFailure.ConnectFailed;
            }
            catch (Exception e)
            {
                // The factory's contract is MikrotikException for everything the router can
                // cause; anything else is the board's own trouble and must never cut power.
                detail = e.Message;
                return ProbeFailure.ProbeError;
            }

            if (!_router.UseTls)
            {
                _log.Emit(DecisionCode.PlaintextConnect, "plain API: the password crosses the network in clear", _clock.NowMilliseconds);
            }

            try
            {
                _client.Connect(transport, _router.User, _router.Password);
                return ProbeFailure.None;
            }
            catch (MikrotikException e)
            {
                detail = ErrorCodes.NameOf(e.Code) + ": " + e.Message + LoginHint(e.Code);
                return FailureOf(e.Code);
            }
        }

        // A plain client on a TLS port sees the peer close or garbage, not a refusal: say which
        // port is which.
        private string LoginHint(ErrorCode code)
        {
            if (_router.UseTls || code == ErrorCode.LoginRefused)
            {
                return string.Empty;
            }

            string hint = TransportErrors.PortHint(false, _router.Port);
            if (hint.Length == 0 && (code == ErrorCode.PeerClosed || code == ErrorCode.ReservedControlByte || code == ErrorCode.UnsupportedLengthPrefix))
            {
                hint = " A TLS (API-SSL) port? The plain API is 8728.";
            }

            return hint.Length == 0 ? hint : "." + hint;
        }

        /// <summary>Closes the session; the next round reconnects.</summary>
        public void Close()
        {
            _client.Close();
        }

        /// <summary>How a client error counts for the watchdog.</summary>
        /// <param name="code">The error.</param>
        /// <returns>The probe failure it means.</returns>
        public static ProbeFailure FailureOf(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.LoginRefused:
                    return ProbeFailure.LoginRejected;
                case ErrorCode.TlsError:
                    return ProbeFailure.TlsRejected;
                case ErrorCode.Timeout:
                case ErrorCode.KeepaliveTimeout:
                    return ProbeFailure.Timeout;
                case ErrorCode.PeerClosed:
                case ErrorCode.TransportError:
                    return ProbeFailure.ConnectFailed;
                case ErrorCode.InvalidChallenge:
                case ErrorCode.ReservedControlByte:
                case ErrorCode.UnsupportedLengthPrefix:
                case ErrorCode.Fatal:
                    return ProbeFailure.ProtocolError;
                default:
                    return ProbeFailure.ProbeError;
            }
        }
    }
}
