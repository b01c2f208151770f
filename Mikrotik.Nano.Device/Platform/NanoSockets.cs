// Device-only (see NanoTcpTransport.cs): compiled only by the nanoFramework build.
using System;
using System.Net;
using System.Net.Sockets;

namespace Mikrotik.Nano
{
    /// <summary>Socket set-up shared by the TCP and TLS transports; failures classified by <see cref="TransportErrors"/>.</summary>
    internal static class NanoSockets
    {
        // A write to a router that stopped reading fails after this instead of blocking forever.
        internal const int SendTimeoutMilliseconds = 10000;

        // Used when the caller gives none: the TLS handshake runs in blocking native code, and a
        // receive timeout on the socket is the only thing that bounds it.
        internal const int DefaultHandshakeTimeoutMilliseconds = 10000;

        internal static Socket Connect(string host, int port, int timeoutMilliseconds)
        {
            Socket socket = null;
            try
            {
                IPAddress address = Dns.GetHostEntry(host).AddressList[0];
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                // Both timeouts before anything can block: connect, handshake and every read.
                socket.SendTimeout = SendTimeoutMilliseconds;
                socket.ReceiveTimeout = timeoutMilliseconds > 0 ? timeoutMilliseconds : DefaultHandshakeTimeoutMilliseconds;
                socket.Connect(new IPEndPoint(address, port));
                return socket;
            }
            catch (SocketException e)
            {
                Close(socket);
                throw TransportErrors.Classify(e, e.ErrorCode, TransportStage.Connect, host, port);
            }
            catch (Exception e)
            {
                Close(socket);
                throw TransportErrors.Classify(e, 0, TransportStage.Connect, host, port);
            }
        }

        internal static void Close(Socket socket)
        {
            if (socket == null)
            {
                return;
            }

            try
            {
                socket.Close();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }

        internal static int Microseconds(int milliseconds)
        {
            // Poll takes microseconds in an int: cap so a long timeout cannot overflow.
            return milliseconds <= 0 ? 0 : milliseconds > 2000000 ? 2000000000 : milliseconds * 1000;
        }
    }
}
