// Device-only: needs nanoFramework.System.Net, which cannot be restored on our build machines, so
// this file is in the device build only (Mikrotik.Nano.Device.nfproj); on the host,
// tools/HostTests/DeviceBuild compiles it against signature stubs of those packages. Keep it trivial:
// failures are classified by TransportErrors, which is tested.
using System;
using System.Net.Sockets;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Plain TCP (API port 8728) over a nanoFramework socket. The password crosses the network in
    /// clear on every login: prefer <see cref="NanoTlsTransport"/>.
    /// </summary>
    public sealed class NanoTcpTransport : ITransport
    {
        private readonly Socket _socket;
        private readonly string _host;
        private readonly int _port;

        private NanoTcpTransport(Socket socket, string host, int port)
        {
            _socket = socket;
            _host = host;
            _port = port;
        }

        /// <summary>Resolves <paramref name="host"/> and connects.</summary>
        /// <param name="host">The router's name or address.</param>
        /// <param name="port">8728 for the API.</param>
        /// <returns>The connected transport.</returns>
        /// <exception cref="MikrotikException">Classified by <see cref="TransportErrors"/>.</exception>
        public static NanoTcpTransport Connect(string host, int port)
        {
            return new NanoTcpTransport(NanoSockets.Connect(host, port, NanoSockets.DefaultHandshakeTimeoutMilliseconds), host, port);
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            try
            {
                if (!_socket.Poll(NanoSockets.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
                {
                    return -1;
                }

                // Readable with nothing to read means the peer closed: Receive returns 0.
                return _socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
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
                int sent = 0;
                while (sent < count)
                {
                    sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                }
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
        }

        /// <inheritdoc />
        public void Close()
        {
            NanoSockets.Close(_socket);
        }
    }
}
