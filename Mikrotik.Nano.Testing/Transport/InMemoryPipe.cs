using System;
using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>
    /// One direction of an in-memory byte stream: a bounded ring buffer, allocated once, with
    /// blocking reads (with a timeout) and blocking writes (while full).
    /// </summary>
    internal sealed class InMemoryPipe
    {
        // A writer blocked this long on a full pipe gives up: a test that deadlocks fails instead of hanging.
        private const int WriteTimeoutMilliseconds = 30000;

        private readonly object _sync = new object();
        private readonly byte[] _ring;
        private readonly AutoResetEvent _readable = new AutoResetEvent(false);
        private readonly AutoResetEvent _writable = new AutoResetEvent(false);
        private int _head;
        private int _count;
        private bool _closed;

        internal InMemoryPipe(int capacity)
        {
            _ring = new byte[capacity];
        }

        internal int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            for (int attempt = 0; attempt < 2; attempt++)
            {
                lock (_sync)
                {
                    if (_count > 0)
                    {
                        int n = count < _count ? count : _count;
                        for (int i = 0; i < n; i++)
                        {
                            buffer[offset + i] = _ring[(_head + i) % _ring.Length];
                        }

                        _head = (_head + n) % _ring.Length;
                        _count -= n;
                        _writable.Set();
                        return n;
                    }

                    if (_closed)
                    {
                        return 0;
                    }
                }

                if (attempt == 0)
                {
                    _readable.WaitOne(timeoutMilliseconds < 0 ? 0 : timeoutMilliseconds, false);
                }
            }

            return -1;
        }

        internal void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                lock (_sync)
                {
                    if (_closed)
                    {
                        throw new InvalidOperationException("pipe closed");
                    }

                    int room = _ring.Length - _count;
                    int n = count < room ? count : room;
                    for (int i = 0; i < n; i++)
                    {
                        _ring[(_head + _count + i) % _ring.Length] = buffer[offset + i];
                    }

                    _count += n;
                    offset += n;
                    count -= n;
                    if (n > 0)
                    {
                        _readable.Set();
                    }
                }

                if (count > 0 && !_writable.WaitOne(WriteTimeoutMilliseconds, false))
                {
                    throw new InvalidOperationException("pipe full");
                }
            }
        }

        internal void Close()
        {
            lock (_sync)
            {
                _closed = true;
            }

            _readable.Set();
            _writable.Set();
        }
    }
}
