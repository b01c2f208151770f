using BenchmarkDotNet.Attributes;
using Mikrotik.Nano.Host;
using RouterSim;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// The same round trips as <see cref="ClientBenchmarks"/>, over loopback TCP
    /// (tools/HostTransport's TcpTransport) against the in-process RouterSimulator (tools/RouterSim).
    /// </summary>
    /// <remarks>
    /// BenchmarkDotNet's Allocated column counts the whole process, so here it includes the
    /// simulator's and the socket layer's allocations; the client's own allocation per command
    /// is measured on its thread by the footprint report.
    /// </remarks>
    [MemoryDiagnoser]
    [Config(typeof(ClientBenchmarks.ClientConfig))]
    public class ClientTcpBenchmarks
    {
        private RouterSimulator _sim;
        private ApiClient _client;

        [GlobalSetup]
        public void Setup()
        {
            _sim = LoopbackRouter.Start();
            _client = LoopbackRouter.Connect(_sim);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _client.Close();
            _sim.Dispose();
        }

        /// <summary>One command at a time.</summary>
        [Benchmark(OperationsPerInvoke = 1)]
        public long InFlight1()
        {
            return RoundTrips.Run(_client, 1);
        }

        /// <summary>Eight commands sent back to back, then all replies polled; time is per command.</summary>
        [Benchmark(OperationsPerInvoke = 8)]
        public long InFlight8()
        {
            return RoundTrips.Run(_client, 8);
        }
    }

    /// <summary>Starts the simulator on a free loopback port and connects a client to it.</summary>
    public static class LoopbackRouter
    {
        public static RouterSimulator Start()
        {
            var options = new RouterSimulatorOptions { Port = 0 };
            options.Users["admin"] = "secret";
            var sim = new RouterSimulator(options);
            sim.Start();
            return sim;
        }

        public static ApiClient Connect(RouterSimulator sim)
        {
            var client = new ApiClient(new ClientOptions { Connection = new ConnectionOptions { KeepaliveIdleMilliseconds = 0 } });
            client.Connect(TcpTransport.Connect("127.0.0.1", sim.Port, 5000), "admin", "secret");
            return client;
        }
    }
}
