using System;

namespace Esp32Watchdog.Status.Http
{
    /// <summary>
    /// Reads one HTTP/1.x request head (request line and headers) into a buffer allocated once,
    /// sans-IO: the caller receives straight into <see cref="Buffer"/> at the offset
    /// <see cref="PrepareReceive"/> gives, commits, and parses. Nothing is allocated per request;
    /// a request larger than the buffer is refused (414 or 431), never buffered.
    /// </summary>
    /// <remarks>
    /// A request body, if any, is ignored: the endpoint answers and closes the connection.
    /// Lines may end in CR LF or a bare LF; empty lines before the request line are skipped.
    /// </remarks>
    public sealed class HttpRequestReader
    {
        /// <summary>The longest method token accepted.</summary>
        public const int MaxMethodLength = 16;

        private readonly byte[] _buffer;
        private readonly int _maxRequestLine;
        private int _received;
        private int _lineStart;
        private int _targetOffset;
        private int _targetLength;
        private int _pathLength;

        /// <summary>Creates a reader.</summary>
        /// <param name="capacity">The largest request head, in bytes (at least 128).</param>
        /// <param name="maxRequestLine">The longest request line (at least 32, less than <paramref name="capacity"/>).</param>
        public HttpRequestReader(int capacity, int maxRequestLine)
        {
            if (capacity < 128 || maxRequestLine < 32 || maxRequestLine >= capacity)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _buffer = new byte[capacity];
            _maxRequestLine = maxRequestLine;
        }

        /// <summary>The receive buffer.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Bytes received so far.</summary>
        public int Received
        {
            get { return _received; }
        }

        /// <summary>The request's method (after <see cref="HttpRequestResult.Complete"/>).</summary>
        public HttpMethod Method { get; private set; }

        /// <summary>Forgets the request; call before each connection.</summary>
        public void Reset()
        {
            _received = 0;
            _lineStart = 0;
            _targetOffset = 0;
            _targetLength = 0;
            _pathLength = 0;
            Method = HttpMethod.Other;
        }

        /// <summary>Where the next bytes go.</summary>
        /// <param name="offset">Offset into <see cref="Buffer"/>.</param>
        /// <returns>Room left; 0 when the buffer is full.</returns>
        public int PrepareReceive(out int offset)
        {
            offset = _received;
            return _buffer.Length - _received;
        }

        /// <summary>Counts bytes the caller wrote at the offset <see cref="PrepareReceive"/> gave.</summary>
        /// <param name="count">Bytes received.</param>
        public void Commit(int count)
        {
            if (count < 0 || count > _buffer.Length - _received)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            _received += count;
        }

        /// <summary>Copies bytes in (for callers that do not receive into <see cref="Buffer"/>).</summary>
        /// <param name="source">The bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many; what does not fit is dropped (and the parse reports it).</param>
        /// <returns>Bytes taken.</returns>
        public int Append(byte[] source, int offset, int count)
        {
            int room = _buffer.Length - _received;
            int n = count < room ? count : room;
            Array.Copy(source, offset, _buffer, _received, n);
            _received += n;
            return n;
        }

        /// <summary>Looks at what was received so far.</summary>
        /// <returns>The outcome; <see cref="HttpRequestResult.NeedMore"/> until the head is complete.</returns>
        public HttpRequestResult Parse()
        {
            // Skip empty lines before the request line (RFC 9112 2.2).
            while (_lineStart < _received && (_buffer[_lineStart] == '\r' || _buffer[_lineStart] == '\n'))
            {
                _lineStart++;
            }

            int lineEnd = FindLineFeed(_lineStart);
            if (lineEnd < 0)
            {
                if (_received - _lineStart > _maxRequestLine)
                {
                    return HttpRequestResult.UriTooLong;
                }

                return _received == _buffer.Length ? HttpRequestResult.HeadersTooLarge : HttpRequestResult.NeedMore;
            }

            int lineLength = ContentEnd(_lineStart, lineEnd) - _lineStart;
            if (lineLength > _maxRequestLine)
            {
                return HttpRequestResult.UriTooLong;
            }

            HttpRequestResult line = ParseRequestLine(_lineStart, lineLength);
            if (line != HttpRequestResult.Complete)
            {
                return line;
            }

            // Header lines until an empty one.
            int start = lineEnd + 1;
            while (true)
            {
                int end = FindLineFeed(start);
                if (end < 0)
                {
                    return _received == _buffer.Length ? HttpRequestResult.HeadersTooLarge : HttpRequestResult.NeedMore;
                }

                int contentEnd = ContentEnd(start, end);
                if (contentEnd == start)
                {
                    return HttpRequestResult.Complete;
                }

                if (!IsHeaderLine(start, contentEnd))
                {
                    return HttpRequestResult.BadRequest;
                }

                start = end + 1;
            }
        }

        /// <summary>
        /// Whether the request's path (the target without its query) equals <paramref name="path"/>,
        /// compared byte for byte without creating a string.
        /// </summary>
        /// <param name="path">E.g. "/status".</param>
        /// <returns>True when equal.</returns>
        public bool PathEquals(string path)
        {
            if (path == null || path.Length != _pathLength)
            {
                return false;
            }

            for (int i = 0; i < _pathLength; i++)
            {
                if (_buffer[_targetOffset + i] != path[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The request target (for diagnostics; allocates).</summary>
        /// <returns>The target as ASCII text.</returns>
        public string Target()
        {
            char[] chars = new char[_targetLength];
            for (int i = 0; i < _targetLength; i++)
            {
                chars[i] = (char)_buffer[_targetOffset + i];
            }

            return new string(chars);
        }

        private HttpRequestResult ParseRequestLine(int start, int length)
        {
            int end = start + length;
            int space1 = IndexOf((byte)' ', start, end);
            if (space1 <= start || space1 - start > MaxMethodLength)
            {
                return HttpRequestResult.BadRequest;
            }

            for (int i = start; i < space1; i++)
            {
                byte b = _buffer[i];
                if (b < 'A' || b > 'Z')
                {
                    // Methods are case-sensitive tokens; every registered one is upper-case letters.
                    return HttpRequestResult.BadRequest;
                }
            }

            int space2 = IndexOf((byte)' ', space1 + 1, end);
            if (space2 < 0 || space2 == space1 + 1 || _buffer[space1 + 1] != '/')
            {
                return HttpRequestResult.BadRequest;
            }

            _pathLength = 0;
            for (int i = space1 + 1; i < space2; i++)
            {
                byte b = _buffer[i];
                if (b <= 0x20 || b >= 0x7F)
                {
                    return HttpRequestResult.BadRequest;
                }

                if ((b == '?' || b == '#') && _pathLength == 0)
                {
                    _pathLength = i - space1 - 1;
                }
            }

            _targetOffset = space1 + 1;
            _targetLength = space2 - space1 - 1;
            if (_pathLength == 0)
            {
                _pathLength = _targetLength;
            }

            // "HTTP/1.0" or "HTTP/1.1": the endpoint speaks nothing else.
            if (end - space2 - 1 != 8 || !Matches(space2 + 1, "HTTP/1.") || (_buffer[end - 1] != '0' && _buffer[end - 1] != '1'))
            {
                return HttpRequestResult.BadRequest;
            }

            int methodLength = space1 - start;
            Method = methodLength == 3 && Matches(start, "GET") ? HttpMethod.Get
                : methodLength == 4 && Matches(start, "HEAD") ? HttpMethod.Head
                : HttpMethod.Other;
            return HttpRequestResult.Complete;
        }

        private bool IsHeaderLine(int start, int end)
        {
            if (_buffer[start] == ' ' || _buffer[start] == '\t')
            {
                // Obsolete line folding: refused, as RFC 9112 allows.
                return false;
            }

            bool colon = false;
            for (int i = start; i < end; i++)
            {
                byte b = _buffer[i];
                if (b == ':' && !colon)
                {
                    if (i == start)
                    {
                        return false;
                    }

                    colon = true;
                }
                else if (!colon && (b <= 0x20 || b >= 0x7F))
                {
                    return false;
                }
                else if (b < 0x20 && b != '\t')
                {
                    return false;
                }
            }

            return colon;
        }

        private int FindLineFeed(int from)
        {
            return IndexOf((byte)'\n', from, _received);
        }

        // The end of a line's content: before "\r\n" or a bare "\n".
        private int ContentEnd(int start, int lineFeed)
        {
            return lineFeed > start && _buffer[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
        }

        private int IndexOf(byte value, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (_buffer[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool Matches(int offset, string text)
        {
            if (offset + text.Length > _received)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (_buffer[offset + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
