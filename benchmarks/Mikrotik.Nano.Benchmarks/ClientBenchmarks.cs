using System;
using BenchmarkDotNet.Attributes;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// Command round trips through <see cref="ApiClient"/> (single-threaded mode: Send, then Poll
    /// until the !done) over <see cref="InMemoryTransport"/> against <see cref="FastRouter"/> on
    /// another thread. Each command: /system/identity/print =.proplist=name; answer: one !re and
    /// !done. The time includes the thread hand-offs of the in-memory pipe, so it measures the
    /// client's per-command overhead plus two cross-thread wake-ups, not a network.
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(ClientConfig))]
    public class ClientBenchmarks
    {
        private ApiClient _client;
        private FastRouter _router;

        [GlobalSetup]
        public void Setup()
        {
            InMemoryTransport client;
            InMemoryTransport router;
            InMemoryTransport.CreatePair(65536, out client, out router);
            _router = new FastRouter(router);
            _router.Start();
            ClientOptions options = new ClientOptions { Connection = new ConnectionOptions { KeepaliveIdleMilliseconds = 0 } };
            _client = new ApiClient(options);
            _client.Connect(client, "admin", "secret");
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Close();
            _router.Stop();
        }

        /// <summary>One command at a time.</summary>
        [Benchmark(OperationsPerInvoke = 1)]
        public long InFlight1()
        {
            return RoundTrip(1);
        }

        /// <summary>Eight commands sent back to back, then all replies polled; time is per command.</summary>
        [Benchmark(OperationsPerInvoke = 8)]
        public long InFlight8()
        {
            return RoundTrip(8);
        }

        private long RoundTrip(int count)
        {
            return RoundTrips.Run(_client, count);
        }

        internal sealed class ClientConfig : BenchmarkDotNet.Configs.ManualConfig
        {
            public ClientConfig()
            {
                AddColumn(RateColumn.PerSecond("Commands/s"));
            }
        }
    }
}
