// Device-only (see NanoTcpTransport.cs): in the device build only.
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

        // Used when the caller gives none. It bounds plain reads and writes natively; it does NOT
        // bound a TLS handshake or a TLS record cut short: nanoFramework runs those in native code
        // without Mbed TLS's read timeout, and no socket option reaches them (measured on nanoCLR).
        // Boards using TLS need an external hardware watchdog (see the watchdog's README).
        internal const int DefaultHandshakeTimeoutMilliseconds = 10000;

        internal static Socket Connect(string host, int port, int timeoutMilliseconds)
        {
            Socket socket = null;
            try
            {
                IPAddress address = Dns.GetHostEntry(host).AddressList[0];
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

                // Both timeouts before anything can block. The properties are managed-only (they
                // bound Receive/Send waits in managed code); SetSocketOption reaches setsockopt, so
                // a native receive or send on the plain path is bounded too.
                int receive = timeoutMilliseconds > 0 ? timeoutMilliseconds : DefaultHandshakeTimeoutMilliseconds;
                socket.SendTimeout = SendTimeoutMilliseconds;
                socket.ReceiveTimeout = receive;
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendTimeout, SendTimeoutMilliseconds);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, receive);
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
