using System.Net.Sockets;

namespace Mikrotik.Nano.Host;

/// <summary>Plain TCP (API port 8728) over a .NET socket.</summary>
public sealed class TcpTransport : ITransport
{
    private readonly Socket _socket;
    private int _closed;

    private TcpTransport(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> within <paramref name="timeoutMilliseconds"/>.</summary>
    /// <exception cref="MikrotikException"><see cref="ErrorCode.TransportError"/> when the connection cannot be made.</exception>
    public static TcpTransport Connect(string host, int port, int timeoutMilliseconds)
    {
        return new TcpTransport(HostSockets.Connect(host, port, timeoutMilliseconds));
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
    {
        if (!_socket.Poll(TimeSpan.FromMilliseconds(Math.Max(0, timeoutMilliseconds)), SelectMode.SelectRead))
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
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            HostSockets.Close(_socket);
        }
    }
}
