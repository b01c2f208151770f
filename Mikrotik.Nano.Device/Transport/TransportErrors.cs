using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Turns what a platform's socket or TLS stack throws into the transport contract's
    /// <see cref="MikrotikException"/>: only a TLS authentication failure (certificate, cipher,
    /// the peer refusing the handshake) is <see cref="ErrorCode.TlsError"/>; a handshake that
    /// times out or is cut off is <see cref="ErrorCode.Timeout"/>, because the service behind the
    /// port is not answering; a refused or unreachable connection is
    /// <see cref="ErrorCode.TransportError"/>. Messages say the cause and, where the port looks
    /// wrong, which port to use.
    /// </summary>
    /// <remarks>
    /// Pure, so that it is tested on nanoCLR: the device transports (Platform/) pass the exception
    /// type's name and the socket error code they caught. nanoFramework reports a failed handshake
    /// as a <c>SocketException</c> whose code is mbedTLS's (negative); socket codes are WinSock's.
    /// </remarks>
    public static class TransportErrors
    {
        /// <summary>WinSock WSAECONNABORTED.</summary>
        public const int SocketConnectionAborted = 10053;

        /// <summary>WinSock WSAECONNRESET.</summary>
        public const int SocketConnectionReset = 10054;

        /// <summary>WinSock WSAETIMEDOUT (nanoFramework's socket timeouts).</summary>
        public const int SocketTimedOut = 10060;

        /// <summary>WinSock WSAECONNREFUSED.</summary>
        public const int SocketConnectionRefused = 10061;

        /// <summary>WinSock WSAHOST_NOT_FOUND.</summary>
        public const int SocketHostNotFound = 11001;

        /// <summary>mbedTLS: a receive failed. On a blocking socket with a receive timeout, this is the timeout.</summary>
        public const int TlsNetReceiveFailed = -0x004C;

        /// <summary>mbedTLS: a send failed.</summary>
        public const int TlsNetSendFailed = -0x004E;

        /// <summary>mbedTLS: the connection was reset.</summary>
        public const int TlsNetConnectionReset = -0x0050;

        /// <summary>mbedTLS: the certificate chain did not verify (expired, wrong CA, name mismatch, board clock wrong).</summary>
        public const int TlsCertificateVerifyFailed = -0x2700;

        /// <summary>mbedTLS: the handshake timed out.</summary>
        public const int TlsTimeout = -0x6800;

        /// <summary>mbedTLS: out of memory (the board's, not the router's problem).</summary>
        public const int TlsAllocFailed = -0x7F00;

        /// <summary>mbedTLS: not a TLS record (the peer speaks something else, e.g. the plain API).</summary>
        public const int TlsInvalidRecord = -0x7200;

        /// <summary>mbedTLS: the peer closed the connection.</summary>
        public const int TlsConnectionEof = -0x7280;

        /// <summary>mbedTLS: no cipher suite in common (e.g. a router without a certificate: anonymous DH only).</summary>
        public const int TlsNoCipherChosen = -0x7380;

        /// <summary>mbedTLS: the peer sent a fatal alert (it refused the handshake).</summary>
        public const int TlsFatalAlert = -0x7780;

        /// <summary>mbedTLS: the peer sent close_notify.</summary>
        public const int TlsPeerCloseNotify = -0x7880;

        /// <summary>The API port (plain).</summary>
        public const int ApiPort = 8728;

        /// <summary>The API-SSL port (TLS).</summary>
        public const int ApiSslPort = 8729;

        /// <summary>
        /// Classifies anything a transport caught. A <see cref="MikrotikException"/> is returned
        /// unchanged; other exceptions are classified by their type's name (and the stage).
        /// </summary>
        /// <param name="error">What was caught.</param>
        /// <param name="socketErrorCode">The socket error code when <paramref name="error"/> is a socket exception, else 0.</param>
        /// <param name="stage">Where it happened.</param>
        /// <param name="host">The router's address, for the message.</param>
        /// <param name="port">The port, for the message and the port hint.</param>
        /// <returns>The exception to throw.</returns>
        public static MikrotikException Classify(Exception error, int socketErrorCode, TransportStage stage, string host, int port)
        {
            MikrotikException known = error as MikrotikException;
            if (known != null)
            {
                return known;
            }

            string typeName = error == null ? string.Empty : error.GetType().Name;
            return Classify(typeName, socketErrorCode, stage, host, port);
        }

        /// <summary>Classifies a failure given the caught exception's type name and socket error code.</summary>
        /// <param name="exceptionTypeName">E.g. "SocketException", "CryptographicException", "IOException".</param>
        /// <param name="socketErrorCode">The socket (or mbedTLS) error code; 0 when there is none.</param>
        /// <param name="stage">Where it happened.</param>
        /// <param name="host">The router's address, for the message.</param>
        /// <param name="port">The port, for the message and the port hint.</param>
        /// <returns>The exception to throw.</returns>
        public static MikrotikException Classify(string exceptionTypeName, int socketErrorCode, TransportStage stage, string host, int port)
        {
            string where = Where(host, port);
            string name = exceptionTypeName == null ? string.Empty : exceptionTypeName;
            bool socket = name == "SocketException";

            if (name == "OutOfMemoryException" || socketErrorCode == TlsAllocFailed)
            {
                // The board ran out of memory: nothing to say about the router, so never counted.
                return new MikrotikException(ErrorCode.TlsError, where + ": out of memory on this board");
            }

            if (stage == TransportStage.Connect)
            {
                if (socketErrorCode == SocketTimedOut)
                {
                    return new MikrotikException(ErrorCode.Timeout, where + ": connect timed out");
                }

                if (socketErrorCode == SocketConnectionRefused)
                {
                    return new MikrotikException(ErrorCode.TransportError, where + ": connection refused (service disabled or wrong port)");
                }

                if (socketErrorCode == SocketHostNotFound)
                {
                    return new MikrotikException(ErrorCode.TransportError, where + ": host not found");
                }

                return new MikrotikException(ErrorCode.TransportError, where + ": cannot connect (" + Detail(name, socketErrorCode) + ")");
            }

            if (stage == TransportStage.Handshake)
            {
                return Handshake(name, socket, socketErrorCode, where, port);
            }

            if (socketErrorCode == SocketTimedOut || socketErrorCode == TlsNetReceiveFailed || socketErrorCode == TlsTimeout)
            {
                return new MikrotikException(ErrorCode.Timeout, where + (stage == TransportStage.Read ? ": read timed out" : ": write timed out"));
            }

            if (IsPeerClosed(socketErrorCode))
            {
                return new MikrotikException(ErrorCode.PeerClosed, where + ": closed by the router");
            }

            return new MikrotikException(ErrorCode.TransportError, where + (stage == TransportStage.Read ? ": read failed (" : ": write failed (") + Detail(name, socketErrorCode) + ")");
        }

        /// <summary>
        /// A hint when the port does not match the protocol: the plain API on 8729 or TLS on 8728.
        /// </summary>
        /// <param name="tls">Whether the client speaks TLS.</param>
        /// <param name="port">The port it connects to.</param>
        /// <returns>A short sentence, or an empty string when the port looks right.</returns>
        public static string PortHint(bool tls, int port)
        {
            if (tls && port == ApiPort)
            {
                return " Port 8728 is the plain API; API-SSL is 8729.";
            }

            if (!tls && port == ApiSslPort)
            {
                return " Port 8729 is API-SSL (TLS); the plain API is 8728.";
            }

            return string.Empty;
        }

        private static MikrotikException Handshake(string name, bool socket, int code, string where, int port)
        {
            if (code == SocketTimedOut || code == TlsNetReceiveFailed || code == TlsTimeout || name == "TimeoutException" || name == "OperationCanceledException")
            {
                // The service accepted TCP and said nothing: a hung API-SSL service, or a plain port
                // waiting for a sentence. Either way it is not answering: counted, not a TLS error.
                string hint = PortHint(true, port);
                return new MikrotikException(ErrorCode.Timeout, where + ": TLS handshake timed out (no TLS answer)." + (hint.Length > 0 ? hint : " Is this a plain API port? API-SSL is 8729."));
            }

            if (IsPeerClosed(code) || code == TlsNetSendFailed || (name == "IOException" && code == 0))
            {
                string hint = PortHint(true, port);
                return new MikrotikException(ErrorCode.Timeout, where + ": peer closed the connection during the TLS handshake (API-SSL disabled or busy?)." + (hint.Length > 0 ? hint : " Is this the API-SSL port (8729)?"));
            }

            if (code == TlsCertificateVerifyFailed || (code <= -0x2000 && code > -0x3000) || name == "CryptographicException" || name == "AuthenticationException")
            {
                return new MikrotikException(ErrorCode.TlsError, where + ": router certificate rejected (expired, wrong CA, name mismatch, or the board's clock is wrong)");
            }

            if (code == TlsNoCipherChosen || code == TlsFatalAlert)
            {
                return new MikrotikException(ErrorCode.TlsError, where + ": router refused the TLS handshake (no common cipher: a router without a certificate offers only anonymous DH; give it one)");
            }

            if (code == TlsInvalidRecord)
            {
                string hint = PortHint(true, port);
                return new MikrotikException(ErrorCode.TlsError, where + ": the peer does not speak TLS." + (hint.Length > 0 ? hint : " API-SSL is 8729."));
            }

            if (socket && code > 0)
            {
                // A plain socket error during the handshake: the connection failed, not the TLS.
                return new MikrotikException(ErrorCode.TransportError, where + ": TLS handshake I/O failed (" + Detail(name, code) + ")");
            }

            return new MikrotikException(ErrorCode.TlsError, where + ": TLS handshake failed (" + Detail(name, code) + ")");
        }

        private static bool IsPeerClosed(int code)
        {
            return code == SocketConnectionReset || code == SocketConnectionAborted || code == TlsNetConnectionReset
                || code == TlsConnectionEof || code == TlsPeerCloseNotify;
        }

        private static string Where(string host, int port)
        {
            return (host == null ? "?" : host) + ":" + port.ToString();
        }

        private static string Detail(string name, int code)
        {
            if (code == 0)
            {
                return name.Length == 0 ? "unknown error" : name;
            }

            return (name.Length == 0 ? "error " : name + " ") + code.ToString();
        }
    }
}
