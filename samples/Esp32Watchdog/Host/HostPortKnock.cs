using System.Net.Sockets;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;

namespace WatchdogHost;

/// <summary>
/// The second-port check with .NET sockets: connect, close, and read a failure through the
/// firmware's own table (<see cref="PortKnockErrors"/>), so the host judges as the board does.
/// </summary>
internal sealed class HostPortKnock : IPortKnock
{
    public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(Math.Max(1, timeoutMilliseconds));
        try
        {
            socket.ConnectAsync(host, port, timeout.Token).AsTask().GetAwaiter().GetResult();
            return PortAnswer.Answered;
        }
        catch (OperationCanceledException)
        {
            return PortAnswer.Silent;
        }
        catch (SocketException e)
        {
            return PortKnockErrors.FromSocketError((int)e.SocketErrorCode);
        }
    }
}
