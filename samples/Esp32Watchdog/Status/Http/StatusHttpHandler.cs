using System;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Report;

namespace Esp32Watchdog.Status.Http
{
    /// <summary>
    /// Answers one request of the status endpoint: <c>GET /status</c> (JSON), <c>GET /metrics</c>
    /// (Prometheus text), <c>GET /</c> (a short index), HEAD of each; 400, 404, 405, 414 and 431
    /// for anything else. The whole response (head and body) is built in one buffer allocated
    /// once; the caller sends <see cref="ResponseLength"/> bytes from <see cref="ResponseOffset"/>
    /// and closes the connection.
    /// </summary>
    /// <remarks>
    /// The body is written first, after a fixed head room, and the head is then placed right
    /// before it, so Content-Length is exact and nothing is copied twice. A body that does not fit
    /// becomes a 500 that says so.
    /// </remarks>
    public sealed class StatusHttpHandler
    {
        /// <summary>Bytes kept before the body for the response head.</summary>
        public const int HeadRoom = 256;

        private const string JsonType = "application/json";
        private const string TextType = "text/plain; charset=utf-8";

        private readonly WatchdogStatus _status;
        private readonly IFreeMemory _memory;
        private readonly byte[] _buffer;
        private readonly ByteWriter _body;
        private readonly ByteWriter _head = new ByteWriter(HeadRoom);
        private int _offset;
        private int _length;
        private bool _headOnly;

        /// <summary>Creates the handler.</summary>
        /// <param name="status">What to report.</param>
        /// <param name="memory">The board's free heap; null when unknown.</param>
        /// <param name="bodyCapacity">The largest body, in bytes; see <see cref="BodyCapacityFor"/>.</param>
        public StatusHttpHandler(WatchdogStatus status, IFreeMemory memory, int bodyCapacity)
        {
            if (status == null)
            {
                throw new ArgumentNullException("status");
            }

            if (bodyCapacity < 256)
            {
                throw new ArgumentOutOfRangeException("bodyCapacity");
            }

            _status = status;
            _memory = memory;
            _buffer = new byte[HeadRoom + bodyCapacity];
            _body = new ByteWriter(_buffer, HeadRoom, bodyCapacity);
        }

        /// <summary>The response buffer.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Where the last response starts in <see cref="Buffer"/>.</summary>
        public int ResponseOffset
        {
            get { return _offset; }
        }

        /// <summary>Length of the last response.</summary>
        public int ResponseLength
        {
            get { return _length; }
        }

        /// <summary>The HTTP status code of the last response.</summary>
        public int LastStatusCode { get; private set; }

        /// <summary>A body size that holds the status of <paramref name="routers"/> routers with room to spare.</summary>
        /// <param name="routers">Number of routers.</param>
        /// <returns>Bytes.</returns>
        public static int BodyCapacityFor(int routers)
        {
            // /metrics is the larger document: about 2.9 KB of help texts plus ~1.1 KB per router (measured).
            return 3584 + 1536 * (routers < 1 ? 1 : routers);
        }

        /// <summary>Builds the response to a parsed request.</summary>
        /// <param name="request">The reader the request head was parsed with.</param>
        /// <param name="parsed">What <see cref="HttpRequestReader.Parse"/> returned (not <see cref="HttpRequestResult.NeedMore"/>).</param>
        /// <returns>The status code sent.</returns>
        public int Respond(HttpRequestReader request, HttpRequestResult parsed)
        {
            _body.Clear();
            _headOnly = false;
            if (parsed == HttpRequestResult.UriTooLong)
            {
                return Error(414, "URI Too Long", "request line too long\n");
            }

            if (parsed == HttpRequestResult.HeadersTooLarge)
            {
                return Error(431, "Request Header Fields Too Large", "request headers too large\n");
            }

            if (parsed != HttpRequestResult.Complete)
            {
                return Error(400, "Bad Request", "bad request\n");
            }

            _headOnly = request.Method == HttpMethod.Head;
            int route = request.PathEquals("/status") ? 1 : request.PathEquals("/metrics") ? 2 : request.PathEquals("/") ? 3 : 0;
            if (route == 0)
            {
                return Error(404, "Not Found", "not found: GET /status or /metrics\n");
            }

            if (request.Method == HttpMethod.Other)
            {
                return Error(405, "Method Not Allowed", "method not allowed: use GET\n");
            }

            string type = TextType;
            long free = _memory == null ? -1 : _memory.FreeBytes();
            lock (_status.SyncRoot)
            {
                if (route == 1)
                {
                    StatusJson.Write(_status, free, _body);
                    type = JsonType;
                }
                else if (route == 2)
                {
                    PrometheusMetrics.Write(_status, free, _body);
                    type = PrometheusMetrics.ContentType;
                }
                else
                {
                    _body.Text("Esp32Watchdog status: GET /status (JSON), GET /metrics (Prometheus)\n");
                }
            }

            if (_body.Overflowed)
            {
                _body.Clear();
                return Error(500, "Internal Server Error", "status larger than the response buffer\n");
            }

            return Finish(200, "OK", type);
        }

        private int Error(int code, string reason, string text)
        {
            _body.Clear();
            _body.Text(text);
            return Finish(code, reason, TextType);
        }

        private int Finish(int code, string reason, string contentType)
        {
            int bodyLength = _body.Length;
            _head.Clear();
            _head.Text("HTTP/1.1 ");
            _head.Number(code);
            _head.Byte((byte)' ');
            _head.Text(reason);
            _head.Text("\r\nContent-Type: ");
            _head.Text(contentType);
            _head.Text("\r\nContent-Length: ");
            _head.Number(bodyLength);
            if (code == 405)
            {
                _head.Text("\r\nAllow: GET, HEAD");
            }

            _head.Text("\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n");
            _offset = HeadRoom - _head.Length;
            Array.Copy(_head.Buffer, _head.Start, _buffer, _offset, _head.Length);
            _length = _head.Length + (_headOnly ? 0 : bodyLength);
            LastStatusCode = code;
            return code;
        }
    }
}
