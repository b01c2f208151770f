using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Turns what a platform's socket or TLS stack throws into the transport contract's
    /// <see cref="MikrotikException"/>, through the one shared <see cref="TransportOutcomeTable"/>:
    /// only a TLS authentication failure (certificate, cipher, the peer refusing the handshake) is
    /// <see cref="ErrorCode.TlsError"/>; a handshake that times out or is cut off is
    /// <see cref="ErrorCode.Timeout"/>, because the service behind the port is not answering; a
    /// refused or unreachable connection is <see cref="ErrorCode.TransportError"/>. Messages say
    /// the cause and, where the port looks wrong, which port to use.
    /// </summary>
    /// <remarks>
    /// Pure, so that it is tested on nanoCLR: the device transports (Platform/) pass the exception
    /// type's name and the socket error code they caught; the host transports pass
    /// <see cref="TransportPlatform.Host"/> and the names and codes they map .NET's errors to.
    /// nanoFramework reports a failed handshake as a <c>SocketException</c> whose code is Mbed
    /// TLS's (negative), or, on firmware after 2026-07, as a <c>CryptographicException</c>.
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
        /// Classifies anything a nanoFramework transport caught. A <see cref="MikrotikException"/>
        /// is returned unchanged; other exceptions go through <see cref="TransportOutcomeTable"/>
        /// by their type's name and code (read from the exception when <paramref name="socketErrorCode"/>
        /// is 0, so that a CryptographicException of newer firmware, a type the pinned System.Net
        /// lacks, keeps its code).
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
            int code = socketErrorCode != 0 ? socketErrorCode : ExceptionText.CodeOf(error);
            return Classify(TransportPlatform.Nano, typeName, code, stage, host, port, null);
        }

        /// <summary>Classifies a nanoFramework failure given the caught exception's type name and code.</summary>
        /// <param name="exceptionTypeName">E.g. "SocketException", "CryptographicException", "IOException".</param>
        /// <param name="socketErrorCode">The socket (or Mbed TLS) error code; 0 when there is none.</param>
        /// <param name="stage">Where it happened.</param>
        /// <param name="host">The router's address, for the message.</param>
        /// <param name="port">The port, for the message and the port hint.</param>
        /// <returns>The exception to throw.</returns>
        public static MikrotikException Classify(string exceptionTypeName, int socketErrorCode, TransportStage stage, string host, int port)
        {
            return Classify(TransportPlatform.Nano, exceptionTypeName, socketErrorCode, stage, host, port, null);
        }

        /// <summary>Classifies a failure through <see cref="TransportOutcomeTable"/> and words it.</summary>
        /// <param name="platform">Which transport caught it.</param>
        /// <param name="exceptionTypeName">The caught exception's type name.</param>
        /// <param name="code">Its code; 0 when there is none.</param>
        /// <param name="stage">Where it happened.</param>
        /// <param name="host">The router's address, for the message.</param>
        /// <param name="port">The port, for the message and the port hint.</param>
        /// <param name="detail">More about the cause (e.g. the host's certificate check), or null.</param>
        /// <returns>The exception to throw.</returns>
        public static MikrotikException Classify(TransportPlatform platform, string exceptionTypeName, int code, TransportStage stage, string host, int port, string detail)
        {
            string name = exceptionTypeName == null ? string.Empty : exceptionTypeName;
            ErrorCode outcome = TransportOutcomeTable.Outcome(platform, name, code, stage);
            TransportReason reason = TransportOutcomeTable.Reason(platform, name, code, stage);
            string text = Where(host, port) + ": " + Message(reason, name, code, stage, port);
            if (detail != null && detail.Length > 0)
            {
                text = text + " (" + detail + ")";
            }

            return new MikrotikException(outcome, text);
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

        private static string Message(TransportReason reason, string name, int code, TransportStage stage, int port)
        {
            string hint = PortHint(true, port);
            switch (reason)
            {
                case TransportReason.BoardOutOfMemory:
                    return "out of memory on this board";
                case TransportReason.ConnectTimedOut:
                    return "connect timed out";
                case TransportReason.ConnectRefused:
                    return "connection refused (service disabled or wrong port)";
                case TransportReason.HostNotFound:
                    return "host not found";
                case TransportReason.ConnectFailed:
                    return "cannot connect (" + Detail(name, code) + ")";
                case TransportReason.HandshakeTimedOut:
                    // Accepted TCP and said nothing: a hung API-SSL service, or a plain port waiting
                    // for a sentence. Either way not answering: counted, not a TLS error.
                    return "TLS handshake timed out (no TLS answer)." + (hint.Length > 0 ? hint : " Is this a plain API port? API-SSL is 8729.");
                case TransportReason.HandshakePeerClosed:
                    return "peer closed the connection during the TLS handshake (API-SSL disabled or busy?)." + (hint.Length > 0 ? hint : " Is this the API-SSL port (8729)?");
                case TransportReason.CertificateRejected:
                    return "router certificate rejected (expired, wrong CA, name mismatch, or the board's date is not set yet: SNTP) [" + Detail(name, code) + "]";
                case TransportReason.HandshakeRefused:
                    return "router refused the TLS handshake (no common cipher: a router without a certificate offers only anonymous DH; give it one)";
                case TransportReason.NotTls:
                    return "the peer does not speak TLS." + (hint.Length > 0 ? hint : " API-SSL is 8729.");
                case TransportReason.TlsSetupFailed:
                    return "TLS set-up failed on this board (firmware SslError " + code.ToString() + ": no free TLS context, memory or certificate parsing)";
                case TransportReason.HandshakeIo:
                    return "TLS handshake I/O failed (" + Detail(name, code) + ")";
                case TransportReason.HandshakeNoCode:
                    return "TLS handshake failed; this firmware gives no cause (certificate, peer close or a non-TLS answer): not counted";
                case TransportReason.IoTimedOut:
                    return stage == TransportStage.Read ? "read timed out" : "write timed out";
                case TransportReason.PeerClosed:
                    return "closed by the router";
                case TransportReason.IoFailed:
                    return (stage == TransportStage.Read ? "read failed (" : "write failed (") + Detail(name, code) + ")";
                default:
                    return "TLS handshake failed (" + Detail(name, code) + ")";
            }
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
