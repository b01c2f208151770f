using System.Net.Sockets;

namespace Mikrotik.Nano.Host;

/// <summary>Socket set-up and tear-down shared by the host transports.</summary>
internal static class HostSockets
{
    // A write to a router that stopped reading fails after this instead of blocking the client.
    private const int SendTimeoutMilliseconds = 10000;

    internal static Socket Connect(string host, int port, int timeoutMilliseconds)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = SendTimeoutMilliseconds };
        try
        {
            using var cancel = new CancellationTokenSource(timeoutMilliseconds);
            socket.ConnectAsync(host, port, cancel.Token).AsTask().GetAwaiter().GetResult();
            return socket;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();

            // Classified by the shared table, as the board would: a SYN never answered is Timeout.
            throw e is SocketException s
                ? TransportErrors.Classify(TransportPlatform.Host, "SocketException", TlsTransport.WinSockCode(s), TransportStage.Connect, host, port, null)
                : TransportErrors.Classify(TransportPlatform.Host, "OperationCanceledException", 0, TransportStage.Connect, host, port, null);
        }
    }

    internal static void Close(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer.
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Dispose();
    }
}
