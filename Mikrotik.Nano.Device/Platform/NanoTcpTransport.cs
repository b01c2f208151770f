// Device-only: needs nanoFramework.System.Net, which cannot be restored on our build machines, so
// this file is compiled only by the nanoFramework build (Mikrotik.Nano.Device.nfproj). Keep it
// trivial: it is checked by reading against nanoFramework's documented Socket API, not by a compiler.
using System.Net;
using System.Net.Sockets;

namespace Mikrotik.Nano
{
    /// <summary>Plain TCP (API port 8728) over a nanoFramework socket.</summary>
    public sealed class NanoTcpTransport : ITransport
    {
        private readonly Socket _socket;

        private NanoTcpTransport(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>Resolves <paramref name="host"/> and connects.</summary>
        /// <param name="host">The router's name or address.</param>
        /// <param name="port">8728 for the API.</param>
        /// <returns>The connected transport.</returns>
        public static NanoTcpTransport Connect(string host, int port)
        {
            return new NanoTcpTransport(NanoSockets.Connect(host, port));
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (!_socket.Poll(NanoSockets.Microseconds(timeoutMilliseconds), SelectMode.SelectRead))
            {
                return -1;
            }

            // Readable with nothing to read means the peer closed: Receive returns 0.
            return _socket.Receive(buffer, offset, count, SocketFlags.None);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            int sent = 0;
            while (sent < count)
            {
                sent += _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
            }
        }

        /// <inheritdoc />
        public void Flush()
        {
        }

        /// <inheritdoc />
        public void Close()
        {
            _socket.Close();
        }
    }
}
