using System.Net;
using System.Net.Sockets;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Status.Report;

namespace WatchdogHost;

/// <summary>
/// The board's status endpoint on the host: the same request reader and formatting code
/// (<see cref="StatusHttpHandler"/>, nano-compiled), served one connection at a time from a
/// background thread on 127.0.0.1, like <c>Platform/StatusHttpServer.cs</c> on the board.
/// </summary>
internal sealed class HostStatusServer : IDisposable
{
    private const int RequestMilliseconds = 3000;

    private readonly TcpListener _listener;
    private readonly HttpRequestReader _request = new(1024, 512);
    private readonly StatusHttpHandler _handler;
    private readonly Thread _thread;
    private volatile bool _stopping;

    private HostStatusServer(int port, StatusHttpHandler handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start(2);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _thread = new Thread(Run) { IsBackground = true, Name = "status endpoint" };
        _thread.Start();
    }

    /// <summary>The port listened on (the one chosen when 0 was asked for).</summary>
    public int Port { get; }

    /// <summary>The endpoint's base address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Starts serving <paramref name="status"/> on <paramref name="port"/> (0: any free port).</summary>
    public static HostStatusServer Start(int port, WatchdogStatus status, int routers) =>
        new(port, new StatusHttpHandler(status, null, StatusHttpHandler.BodyCapacityFor(routers)));

    public void Dispose()
    {
        _stopping = true;
        _listener.Stop();
        _thread.Join(5000);
    }

    private void Run()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.AcceptSocket();
            }
            catch (Exception) when (_stopping)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            using (client)
            {
                Serve(client);
            }
        }
    }

    private void Serve(Socket client)
    {
        try
        {
            client.ReceiveTimeout = RequestMilliseconds;
            client.SendTimeout = RequestMilliseconds;
            _request.Reset();
            var parsed = HttpRequestResult.NeedMore;
            long deadline = Environment.TickCount64 + RequestMilliseconds;
            while (parsed == HttpRequestResult.NeedMore && Environment.TickCount64 < deadline)
            {
                int room = _request.PrepareReceive(out int offset);
                int n = client.Receive(_request.Buffer, offset, room, SocketFlags.None);
                if (n <= 0)
                {
                    return;
                }

                _request.Commit(n);
                parsed = _request.Parse();
            }

            if (parsed == HttpRequestResult.NeedMore)
            {
                return;
            }

            _handler.Respond(_request, parsed);
            client.Send(_handler.Buffer, _handler.ResponseOffset, _handler.ResponseLength, SocketFlags.None);
            client.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // A client that stalls or vanishes costs at most the timeouts above.
        }
    }
}
