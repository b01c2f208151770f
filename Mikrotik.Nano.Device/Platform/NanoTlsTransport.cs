// Device-only (see NanoTcpTransport.cs): compiled only by the nanoFramework build. TLS (API-SSL,
// port 8729) runs in mbedTLS, which needs about 17 KB of internal RAM besides the managed heap.
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Mikrotik.Nano
{
    /// <summary>
    /// API-SSL over nanoFramework's SslStream. The router's certificate is verified against the
    /// given CA certificate; skipping verification is an explicit opt-in. A router without a
    /// certificate offers only anonymous DH ciphers, which mbedTLS refuses: give it a certificate.
    /// </summary>
    public sealed class NanoTlsTransport : ITransport
    {
        private readonly Socket _socket;
        private readonly SslStream _ssl;

        private NanoTlsTransport(Socket socket, SslStream ssl)
        {
            _socket = socket;
            _ssl = ssl;
        }

        /// <summary>Connects and completes a TLS 1.2 handshake, verifying the router against <paramref name="caCertificate"/>.</summary>
        /// <param name="host">The router's name (must match its certificate) or address.</param>
        /// <param name="port">8729 for API-SSL.</param>
        /// <param name="caCertificate">The CA that signed the router's certificate (the board's clock must be set: SNTP).</param>
        /// <returns>The connected transport.</returns>
        public static NanoTlsTransport Connect(string host, int port, X509Certificate caCertificate)
        {
            return Open(host, port, caCertificate, SslVerification.CertificateRequired);
        }

        /// <summary>Connects without verifying the router's certificate. Anyone on the path can impersonate the router.</summary>
        /// <param name="host">The router's name or address.</param>
        /// <param name="port">8729 for API-SSL.</param>
        /// <returns>The connected transport.</returns>
        public static NanoTlsTransport ConnectInsecure(string host, int port)
        {
            return Open(host, port, null, SslVerification.NoVerification);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (!_ssl.DataAvailable && !_socket.Poll(NanoSockets.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
            {
                return -1;
            }

            return _ssl.Read(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _ssl.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Flush()
        {
            _ssl.Flush();
        }

        /// <inheritdoc />
        public void Close()
        {
            _ssl.Close();
            _socket.Close();
        }

        private static NanoTlsTransport Open(string host, int port, X509Certificate caCertificate, SslVerification verification)
        {
            Socket socket = NanoSockets.Connect(host, port);
            try
            {
                SslStream ssl = new SslStream(socket);
                ssl.SslVerification = verification;
                ssl.AuthenticateAsClient(host, null, caCertificate, SslProtocols.Tls12);
                return new NanoTlsTransport(socket, ssl);
            }
            catch
            {
                socket.Close();
                throw;
            }
        }
    }
}
