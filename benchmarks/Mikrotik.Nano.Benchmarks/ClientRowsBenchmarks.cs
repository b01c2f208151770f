using System;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// The client's cost per row beside the core's: the 100,000-row AddressList stream read
    /// through <see cref="ApiClient"/> in single-threaded mode (Send, Poll until !done) from a
    /// replaying transport that hands out 1460-byte reads with no thread in between, so the time
    /// is the client's and the core's CPU only. <see cref="Core"/> is the same stream through
    /// <see cref="DecodeDriver"/> (the core alone) for the ratio; <see cref="Pumped"/> the same rows
    /// through a second client's pump thread and a handler. <see cref="PumpRoundTrip"/> and
    /// <see cref="PolledRoundTrip"/> compare the pump mode with the polled mode on one small command.
    /// </summary>
    [MemoryDiagnoser]
    public class ClientRowsBenchmarks
    {
        private ReplyStream _stream;
        private ReplayTransport _replay;
        private ApiClient _client;
        private DecodeDriver _core;
        private readonly byte[] _scratch = new byte[64];
        private int _nextTag;
        private int _rowsSeen;

        private ReplayTransport _pumpReplay;
        private ApiClient _rowPump;
        private int _nextPumpTag;
        private long _pumpSum;
        private ReplyHandler _rowHandler;
        private readonly AutoResetEvent _rowsDone = new AutoResetEvent(false);

        private ApiClient _pumped;
        private FastRouter _pumpRouter;
        private ApiClient _polled;
        private FastRouter _pollRouter;
        private readonly AutoResetEvent _done = new AutoResetEvent(false);
        private ReplyHandler _handler;

        [GlobalSetup]
        public void Setup()
        {
            _stream = ReplyStreams.Get(ReplyStreams.AddressList);
            _replay = new ReplayTransport(_stream.Data);
            ClientOptions options = new ClientOptions { Connection = new ConnectionOptions { KeepaliveIdleMilliseconds = 0 } };
            _client = new ApiClient(options);
            _client.Connect(_replay, "admin", "secret");
            _nextTag = 2;
            _core = new DecodeDriver(_stream, 1460, new ConnectionOptions());
            // Warm the JIT up (tiered compilation), as DecodeBenchmarks does.
            for (int i = 0; i < 5; i++)
            {
                RetagClient();
                Client();
                RetagCore();
                Core();
                Thread.Sleep(150);
            }

            RetagClient();
            _rowsSeen = 0;
            Client();
            if (_rowsSeen != 100000)
            {
                throw new InvalidOperationException("client saw " + _rowsSeen + " rows");
            }

            _rowHandler = OnRow;
            _pumpReplay = new ReplayTransport(_stream.Data);
            _rowPump = new ApiClient(options);
            _rowPump.Connect(_pumpReplay, "admin", "secret");
            _nextPumpTag = 2;
            _rowPump.StartPump();
            for (int i = 0; i < 5; i++)
            {
                RetagPumped();
                Pumped();
            }

            RetagPumped();
            _rowsSeen = 0;
            Pumped();
            if (_rowsSeen != 100000)
            {
                throw new InvalidOperationException("pumped client saw " + _rowsSeen + " rows");
            }

            _handler = OnReply;
            _pumped = Start(out _pumpRouter);
            _pumped.StartPump();
            _polled = Start(out _pollRouter);
        }

        private static ApiClient Start(out FastRouter router)
        {
            InMemoryTransport client;
            InMemoryTransport end;
            InMemoryTransport.CreatePair(65536, out client, out end);
            router = new FastRouter(end);
            router.Start();
            ApiClient c = new ApiClient(new ClientOptions { Connection = new ConnectionOptions { KeepaliveIdleMilliseconds = 0 } });
            c.Connect(client, "admin", "secret");
            return c;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Close();
            _rowPump.Close();
            _pumped.Close();
            _pumpRouter.Stop();
            _polled.Close();
            _pollRouter.Stop();
        }

        [IterationSetup(Targets = new[] { nameof(Client) })]
        public void RetagClient()
        {
            WireWriter.Retag(_stream.Data, _stream.TagOffsets, _stream.TagCommands, 0, _stream.TagOffsets.Length, _nextTag);
        }

        [IterationSetup(Targets = new[] { nameof(Pumped) })]
        public void RetagPumped()
        {
            WireWriter.Retag(_stream.Data, _stream.TagOffsets, _stream.TagCommands, 0, _stream.TagOffsets.Length, _nextPumpTag);
        }

        [IterationSetup(Targets = new[] { nameof(Core) })]
        public void RetagCore()
        {
            _core.Retag();
        }

        /// <summary>100,000 rows through the client (polled), touching two attributes of each.</summary>
        [Benchmark(OperationsPerInvoke = 100000)]
        public long Client()
        {
            _replay.Rewind();
            CommandHandle handle = _client.Send(_client.NewCommand().Path(_stream.CommandPath));
            _nextTag++;
            long sum = 0;
            while (handle.IsActive)
            {
                Reply reply = _client.Poll(1000);
                if (reply != null && reply.Type == ReplyType.Data)
                {
                    sum += (reply.AttributeEquals("list", "blocked") ? 2 : 1) + reply.CopyValue("address", _scratch, 0, _scratch.Length);
                    _rowsSeen++;
                }
            }

            return sum;
        }

        /// <summary>The same 100,000 rows through the pump thread to a handler touching the same two attributes; the caller waits for !done.</summary>
        [Benchmark(OperationsPerInvoke = 100000)]
        public long Pumped()
        {
            _pumpSum = 0;
            CommandHandle handle = _rowPump.Send(_rowPump.NewCommand().Path(_stream.CommandPath), _rowHandler, 600000);
            _nextPumpTag++;
            _rowsDone.WaitOne();
            handle.Dispose();
            return _pumpSum;
        }

        private void OnRow(CommandHandle command, Reply reply)
        {
            if (reply == null || reply.Type == ReplyType.Done)
            {
                _rowsDone.Set();
            }
            else if (reply.Type == ReplyType.Data)
            {
                _pumpSum += (reply.AttributeEquals("list", "blocked") ? 2 : 1) + reply.CopyValue("address", _scratch, 0, _scratch.Length);
                _rowsSeen++;
            }
        }

        /// <summary>The same 100,000 rows through the core alone.</summary>
        [Benchmark(OperationsPerInvoke = 100000, Baseline = true)]
        public long Core()
        {
            return _core.Run();
        }

        /// <summary>One identity print, polled mode (FastRouter thread).</summary>
        [Benchmark]
        public long PolledRoundTrip()
        {
            return RoundTrips.Run(_polled, 1);
        }

        /// <summary>One identity print, pump mode: a handler on the pump thread signals its !done.</summary>
        [Benchmark]
        public long PumpRoundTrip()
        {
            CommandHandle handle = _pumped.Send(_pumped.NewCommand().Path("/system/identity/print").Proplist("name"), _handler, 5000);
            _done.WaitOne();
            int tag = handle.Tag;
            handle.Dispose();
            return tag;
        }

        private void OnReply(CommandHandle command, Reply reply)
        {
            if (reply == null || reply.Type == ReplyType.Done)
            {
                _done.Set();
            }
        }

        /// <summary>
        /// A transport that answers the login and then replays one stream in 1460-byte reads, on
        /// the reading thread; with nothing to replay a read waits (up to its timeout) for a write,
        /// so an idle pump sleeps rather than spins.
        /// </summary>
        private sealed class ReplayTransport : ITransport
        {
            private static readonly byte[] LoginDone = { 5, (byte)'!', (byte)'d', (byte)'o', (byte)'n', (byte)'e', 6, (byte)'.', (byte)'t', (byte)'a', (byte)'g', (byte)'=', (byte)'1', 0 };
            private readonly object _sync = new object();
            private readonly byte[] _data;
            private byte[] _current;
            private int _at;
            private int _end;

            public ReplayTransport(byte[] data)
            {
                _data = data;
            }

            public void Rewind()
            {
                _current = null;
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                lock (_sync)
                {
                    if (_current == null || _at == _end)
                    {
                        Monitor.Wait(_sync, timeoutMilliseconds);
                        if (_current == null || _at == _end)
                        {
                            return -1;
                        }
                    }

                    int n = _end - _at;
                    if (n > 1460) n = 1460;
                    if (n > count) n = count;
                    Buffer.BlockCopy(_current, _at, buffer, offset, n);
                    _at += n;
                    return n;
                }
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                // "/login" is the first word of the login; "/cancel" (a disposed handle) nothing;
                // anything else starts the stream.
                if (count > 8 && buffer[offset + 1] == (byte)'/' && buffer[offset + 2] == (byte)'c' && buffer[offset + 3] == (byte)'a')
                {
                    return;
                }

                bool login = count > 7 && buffer[offset + 1] == (byte)'/' && buffer[offset + 2] == (byte)'l' && buffer[offset + 3] == (byte)'o';
                lock (_sync)
                {
                    _current = login ? LoginDone : _data;
                    _at = 0;
                    _end = _current.Length;
                    Monitor.PulseAll(_sync);
                }
            }

            public void Flush()
            {
            }

            public void Close()
            {
            }
        }
    }
}
