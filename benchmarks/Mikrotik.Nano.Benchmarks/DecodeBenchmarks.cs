using System;
using System.Diagnostics;
using System.Threading;
using BenchmarkDotNet.Attributes;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// Decoding reply streams with a logged-in <see cref="ApiConnection"/>: one operation is the
    /// whole stream (Interfaces: 1000 rows of ~25 attributes; AddressList: 100,000 rows; Mixed:
    /// 500 rounds of 8 commands whose !re/!trap/!empty/!done replies interleave), fed in chunks
    /// of 64, 536 (a minimum-MSS TCP segment) and 1460 (an Ethernet MSS) bytes.
    /// </summary>
    /// <remarks>
    /// The measured operation includes sending the commands (a bare path each, so the tags route)
    /// and copying each chunk into the receive buffer, as a transport read would. The stream's tag
    /// fields are rewritten for the next tags in [IterationSetup], outside the measurement.
    /// </remarks>
    [MemoryDiagnoser]
    [Config(typeof(DecodeConfig))]
    public class DecodeBenchmarks
    {
        private DecodeDriver _driver;
        private long _expected;

        [Params(ReplyStreams.Interfaces, ReplyStreams.AddressList, ReplyStreams.Mixed)]
        public string Stream { get; set; }

        [Params(64, 536, 1460)]
        public int Chunk { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _driver = new DecodeDriver(ReplyStreams.Get(Stream), Chunk, new ConnectionOptions());
            _driver.Retag();
            _expected = _driver.Run();

            // An operation runs once per iteration ([IterationSetup]), so BenchmarkDotNet's few
            // warm-up iterations can end before the runtime's tiered JIT has recompiled the hot
            // callees (it waits for a quiet 100 ms, then compiles in the background): the short
            // streams then measured tier-0 code, ~5x slower. Run for a while, with pauses, first.
            Stopwatch clock = Stopwatch.StartNew();
            for (int pause = 0; pause < 4; pause++)
            {
                long until = clock.ElapsedMilliseconds + 300;
                while (clock.ElapsedMilliseconds < until)
                {
                    _driver.Retag();
                    _driver.Run();
                }

                Thread.Sleep(250);
            }
        }

        [IterationSetup]
        public void Retag()
        {
            _driver.Retag();
        }

        [Benchmark]
        public long Decode()
        {
            long sum = _driver.Run();
            if (sum != _expected)
            {
                throw new InvalidOperationException("checksum changed");
            }

            return sum;
        }

        private sealed class DecodeConfig : BenchmarkDotNet.Configs.ManualConfig
        {
            public DecodeConfig()
            {
                AddColumn(RateColumn.DecodeMegabytes(), RateColumn.DecodeSentences());
            }
        }
    }
}
