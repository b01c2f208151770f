// Device-only (see NanoTcpTransport.cs): in the device build only. TLS (API-SSL,
// port 8729) runs in mbedTLS, which needs about 17 KB of internal RAM besides the managed heap.
using System;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Mikrotik.Nano
{
    /// <summary>
    /// API-SSL over nanoFramework's SslStream. The router's certificate is verified against the
    /// given CA certificate; skipping verification is an explicit opt-in. Failures are thrown as
    /// <see cref="MikrotikException"/> classified by <see cref="TransportErrors"/>: a rejected
    /// certificate is <see cref="ErrorCode.TlsError"/>, a silent service <see cref="ErrorCode.Timeout"/>.
    /// </summary>
    /// <remarks>
    /// What bounds its waits, as measured on nanoCLR: nothing managed bounds the handshake.
    /// <c>AuthenticateAsClient</c> runs in blocking native code without Mbed TLS's read timeout;
    /// a peer that accepts TCP and says nothing stops every managed thread (timers included) until
    /// it closes, and neither <c>ReceiveTimeout</c> nor <c>SetSocketOption</c> changes that. After
    /// the handshake, a TLS record cut short blocks <c>SslStream.Read</c> natively the same way.
    /// The socket timeouts set here bound only what reaches managed code (a whole record that is
    /// late). A board that uses TLS needs an external hardware watchdog to get out of such a stall
    /// (the watchdog sample's README: wiring and part).
    /// </remarks>
    public sealed class NanoTlsTransport : ITransport
    {
        private readonly Socket _socket;
        private readonly SslStream _ssl;
        private readonly string _host;
        private readonly int _port;
        private int _receiveTimeout;

        private NanoTlsTransport(Socket socket, SslStream ssl, string host, int port, int receiveTimeout)
        {
            _socket = socket;
            _ssl = ssl;
            _host = host;
            _port = port;
            _receiveTimeout = receiveTimeout;
        }

        /// <summary>Connects and completes a TLS 1.2 handshake, verifying the router against <paramref name="caCertificate"/>.</summary>
        /// <param name="host">The router's name (must match its certificate) or address.</param>
        /// <param name="port">8729 for API-SSL.</param>
        /// <param name="caCertificate">The CA that signed the router's certificate (the board's clock must be set: SNTP).</param>
        /// <returns>The connected transport.</returns>
        public static NanoTlsTransport Connect(string host, int port, X509Certificate caCertificate)
        {
            return Connect(host, port, caCertificate, NanoSockets.DefaultHandshakeTimeoutMilliseconds);
        }

        /// <summary>As <see cref="Connect(string, int, X509Certificate)"/>, with the longest silence allowed in the handshake.</summary>
        /// <param name="host">The router's name (must match its certificate) or address.</param>
        /// <param name="port">8729 for API-SSL.</param>
        /// <param name="caCertificate">The CA that signed the router's certificate.</param>
        /// <param name="handshakeTimeoutMilliseconds">Receive timeout of the socket (bounds managed waits only; the native handshake is bounded by nothing: see the remarks).</param>
        /// <returns>The connected transport.</returns>
        public static NanoTlsTransport Connect(string host, int port, X509Certificate caCertificate, int handshakeTimeoutMilliseconds)
        {
            if (caCertificate == null)
            {
                throw new MikrotikException(ErrorCode.TlsError, "no CA certificate: use ConnectInsecure to skip verification");
            }

            return Open(host, port, caCertificate, SslVerification.CertificateRequired, handshakeTimeoutMilliseconds);
        }

        /// <summary>Connects without verifying the router's certificate. Anyone on the path can impersonate the router.</summary>
        /// <param name="host">The router's name or address.</param>
        /// <param name="port">8729 for API-SSL.</param>
        /// <returns>The connected transport.</returns>
        public static NanoTlsTransport ConnectInsecure(string host, int port)
        {
            return Open(host, port, null, SslVerification.NoVerification, NanoSockets.DefaultHandshakeTimeoutMilliseconds);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            try
            {
                // A partial TLS record would otherwise block Read until the rest arrives.
                int timeout = timeoutMilliseconds > 0 ? timeoutMilliseconds : 1;
                if (timeout != _receiveTimeout)
                {
                    _socket.ReceiveTimeout = timeout;
                    _receiveTimeout = timeout;
                }

                if (!_ssl.DataAvailable && !_socket.Poll(NanoSockets.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    return -1;
                }

                return _ssl.Read(buffer, offset, count);
            }
            catch (SocketException e)
            {
                if (e.ErrorCode == TransportErrors.SocketTimedOut)
                {
                    // Nothing complete arrived in time; mbedTLS keeps the partial record.
                    return -1;
                }

                throw TransportErrors.Classify(e, e.ErrorCode, TransportStage.Read, _host, _port);
            }
            catch (Exception e)
            {
                // Newer firmware raises CryptographicException (unknown to the pinned System.Net):
                // classified by name, its code read from the exception.
                throw TransportErrors.Classify(e, 0, TransportStage.Read, _host, _port);
            }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _ssl.Write(buffer, offset, count);
            }
            catch (SocketException e)
            {
                throw TransportErrors.Classify(e, e.ErrorCode, TransportStage.Write, _host, _port);
            }
            catch (Exception e)
            {
                // Newer firmware raises CryptographicException (unknown to the pinned System.Net):
                // classified by name, its code read from the exception.
                throw TransportErrors.Classify(e, 0, TransportStage.Write, _host, _port);
            }
        }

        /// <inheritdoc />
        public void Flush()
        {
            _ssl.Flush();
        }

        /// <inheritdoc />
        public void Close()
        {
            try
            {
                _ssl.Close();
            }
            catch (Exception)
            {
                // The socket is closed below whatever happened to the TLS session.
            }

            NanoSockets.Close(_socket);
        }

        private static NanoTlsTransport Open(string host, int port, X509Certificate caCertificate, SslVerification verification, int handshakeTimeoutMilliseconds)
        {
            int timeout = handshakeTimeoutMilliseconds > 0 ? handshakeTimeoutMilliseconds : NanoSockets.DefaultHandshakeTimeoutMilliseconds;

            // The receive and send timeouts are set on the socket before it is returned.
            Socket socket = NanoSockets.Connect(host, port, timeout);
            try
            {
                SslStream ssl = new SslStream(socket);
                ssl.SslVerification = verification;
                ssl.AuthenticateAsClient(host, null, caCertificate, SslProtocols.Tls12);
                return new NanoTlsTransport(socket, ssl, host, port, timeout);
            }
            catch (SocketException e)
            {
                NanoSockets.Close(socket);
                throw TransportErrors.Classify(e, e.ErrorCode, TransportStage.Handshake, host, port);
            }
            catch (Exception e)
            {
                NanoSockets.Close(socket);
                throw TransportErrors.Classify(e, 0, TransportStage.Handshake, host, port);
            }
        }
    }
}
