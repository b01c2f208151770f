// Device-only: needs nanoFramework.System.Net (sockets). Listed in Esp32Watchdog.nfproj, excluded
// from the host build; the syslog formatting lives in Status/Syslog and is tested.
using System.Net;
using System.Net.Sockets;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Syslog;

namespace Esp32Watchdog.Platform
{
    /// <summary>Sends datagrams to one UDP destination (the syslog collector). A UDP send does not wait for the peer.</summary>
    internal sealed class UdpDatagramSender : IDatagramSender
    {
        private readonly IPEndPoint _destination;
        private Socket _socket;

        internal UdpDatagramSender(byte[] address, int port)
        {
            _destination = new IPEndPoint(new IPAddress(address), port);
        }

        public void Send(byte[] buffer, int offset, int count)
        {
            if (_socket == null)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            }

            try
            {
                _socket.SendTo(buffer, offset, count, SocketFlags.None, _destination);
            }
            catch
            {
                // A socket broken by a Wi-Fi reconnect is made again on the next message.
                _socket.Close();
                _socket = null;
                throw;
            }
        }
    }
}
