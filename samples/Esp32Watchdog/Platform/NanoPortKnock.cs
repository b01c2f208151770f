// Device-only: needs nanoFramework.System.Net. Listed in Esp32Watchdog.nfproj, excluded from the host build.
using System;
using System.Net;
using System.Net.Sockets;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// The second-port check on the board: resolve, connect, close. nanoFramework's Connect blocks
    /// until the SYN is answered or lwIP gives up its retries (10053 or 10060), which no managed
    /// timeout shortens; the round deadline and the board watchdog allow for it.
    /// </summary>
    internal sealed class NanoPortKnock : IPortKnock
    {
        public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
        {
            Socket socket = null;
            try
            {
                IPAddress address;
                try
                {
                    address = Dns.GetHostEntry(host).AddressList[0];
                }
                catch (Exception)
                {
                    // No name service: the board's trouble, not evidence against the router.
                    return PortAnswer.BoardError;
                }

                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Connect(new IPEndPoint(address, port));
                return PortAnswer.Answered;
            }
            catch (SocketException e)
            {
                return PortKnockErrors.FromSocketError(e.ErrorCode);
            }
            catch (Exception)
            {
                // Out of memory, out of sockets: the board's.
                return PortAnswer.BoardError;
            }
            finally
            {
                if (socket != null)
                {
                    try
                    {
                        socket.Close();
                    }
                    catch (Exception)
                    {
                        // Already gone.
                    }
                }
            }
        }
    }
}
