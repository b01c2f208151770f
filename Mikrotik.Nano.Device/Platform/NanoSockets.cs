// Device-only (see NanoTcpTransport.cs): compiled only by the nanoFramework build.
using System.Net;
using System.Net.Sockets;

namespace Mikrotik.Nano
{
    /// <summary>Socket set-up shared by the TCP and TLS transports.</summary>
    internal static class NanoSockets
    {
        // A write to a router that stopped reading fails after this instead of blocking forever.
        private const int SendTimeoutMilliseconds = 10000;

        internal static Socket Connect(string host, int port)
        {
            IPAddress address = Dns.GetHostEntry(host).AddressList[0];
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.SendTimeout = SendTimeoutMilliseconds;
                socket.Connect(new IPEndPoint(address, port));
                return socket;
            }
            catch
            {
                socket.Close();
                throw;
            }
        }

        internal static int Microseconds(int milliseconds)
        {
            // Poll takes microseconds in an int: cap so a long timeout cannot overflow.
            return milliseconds <= 0 ? 0 : milliseconds > 2000000 ? 2000000000 : milliseconds * 1000;
        }
    }
}
