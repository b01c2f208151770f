// Device-only: needs nanoFramework.System.Net (sockets). Listed in Esp32Watchdog.nfproj, excluded
// from the host build; the request parsing and formatting it drives live in Status/ and are tested.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Esp32Watchdog.Status.Http;
using Mikrotik.Nano;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// The board's status endpoint: a thread of its own that accepts one connection at a time,
    /// reads a bounded request head with socket timeouts, answers through
    /// <see cref="StatusHttpHandler"/> and closes. It never touches the watch loop's thread; the
    /// only shared thing is the status's lock, held for the time of one formatting.
    /// </summary>
    internal sealed class StatusHttpServer
    {
        // A client gets this long in total to send its request head, and each send this long.
        private const int RequestMilliseconds = 3000;
        private const int SendMilliseconds = 3000;
        private const int RetryMilliseconds = 10000;

        private readonly int _port;
        private readonly HttpRequestReader _request = new HttpRequestReader(1024, 512);
        private readonly StatusHttpHandler _handler;
        private readonly IClock _clock;
        private Thread _thread;

        internal StatusHttpServer(int port, StatusHttpHandler handler, IClock clock)
        {
            _port = port;
            _handler = handler;
            _clock = clock;
        }

        internal void Start()
        {
            _thread = new Thread(Run);
            _thread.Priority = ThreadPriority.BelowNormal;
            _thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                Socket listener = null;
                string where = "status server bind :" + _port.ToString();
                try
                {
                    listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    listener.Bind(new IPEndPoint(IPAddress.Any, _port));
                    where = "status server listen";
                    listener.Listen(2);
                    Console.WriteLine("status on http://" + IPAddress.GetDefaultLocalAddress().ToString() + ":" + _port.ToString() + "/");
                    where = "status server accept";
                    while (true)
                    {
                        Socket client = listener.Accept();
                        Serve(client);
                    }
                }
                catch (Exception ex)
                {
                    // The network went away (Wi-Fi reconnect) or the port is taken: try again later.
                    Console.WriteLine("status endpoint: " + ExceptionText.Describe(ex, where));
                }
                finally
                {
                    if (listener != null)
                    {
                        listener.Close();
                    }
                }

                Thread.Sleep(RetryMilliseconds);
            }
        }

        private void Serve(Socket client)
        {
            try
            {
                client.ReceiveTimeout = RequestMilliseconds;
                client.SendTimeout = SendMilliseconds;
                _request.Reset();
                HttpRequestResult parsed = HttpRequestResult.NeedMore;
                long deadline = _clock.NowMilliseconds + RequestMilliseconds;
                while (parsed == HttpRequestResult.NeedMore && _clock.NowMilliseconds < deadline)
                {
                    int offset;
                    int room = _request.PrepareReceive(out offset);
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
            }
            catch (Exception)
            {
                // A client that stalls or vanishes costs at most the timeouts above.
            }
            finally
            {
                client.Close();
            }
        }
    }
}
