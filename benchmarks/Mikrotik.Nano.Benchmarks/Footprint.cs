using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// The footprint report: IL size, bytes allocated at construction (measured, with the object
    /// graph walked for a nanoFramework estimate), the watchdog with one router through a probe
    /// round, a naive decoder's allocation per reply, and the receive path's copies per byte.
    /// </summary>
    public static class Footprint
    {
        public static void Run()
        {
            Console.WriteLine("# Mikrotik.Nano footprint report");
            Console.WriteLine();
            Console.WriteLine($".NET {Environment.Version}, {RuntimeInformationText()}, 64-bit: {Environment.Is64BitProcess}, Server GC: {System.Runtime.GCSettings.IsServerGC}");
            Console.WriteLine();
            IlSizes();
            Construction();
            Watchdog();
            ClientPerCommand();
            Naive();
            ReceiveWork();
        }

        private static string RuntimeInformationText()
        {
            return System.Runtime.InteropServices.RuntimeInformation.OSDescription + " " + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture;
        }

        // --- IL ----------------------------------------------------------------------------

        private static void IlSizes()
        {
            Console.WriteLine("## IL size of the deployable assemblies (host build = same sources, nano mscorlib)");
            Console.WriteLine();
            Console.WriteLine("| Assembly | DLL bytes | Types | Methods with IL | Method bodies (bytes, headers incl.) | IL code bytes |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (Assembly a in new[] { typeof(ApiConnection).Assembly, typeof(ApiClient).Assembly, typeof(WatchdogSupervisor).Assembly })
            {
                string path = a.Location;
                using (var stream = File.OpenRead(path))
                using (var pe = new PEReader(stream))
                {
                    MetadataReader md = pe.GetMetadataReader();
                    int methods = 0;
                    long bodies = 0;
                    long il = 0;
                    foreach (MethodDefinitionHandle h in md.MethodDefinitions)
                    {
                        MethodDefinition m = md.GetMethodDefinition(h);
                        if (m.RelativeVirtualAddress == 0)
                        {
                            continue;
                        }

                        MethodBodyBlock body = pe.GetMethodBody(m.RelativeVirtualAddress);
                        methods++;
                        bodies += body.Size;
                        il += body.GetILBytes().Length;
                    }

                    Console.WriteLine($"| {a.GetName().Name} | {new FileInfo(path).Length:N0} | {md.TypeDefinitions.Count - 1} | {methods} | {bodies:N0} | {il:N0} |");
                }
            }

            Console.WriteLine();
            Console.WriteLine("Esp32Watchdog's host build leaves out Platform/ (Wi-Fi, GPIO, sockets, board reset: device-only packages).");
            Console.WriteLine("The device's .pe files (nanoFramework MetadataProcessor output) were not produced: no nanoFramework build tools here.");
            Console.WriteLine();
        }

        // --- Construction ------------------------------------------------------------------

        private static ConnectionOptions SmallOptions()
        {
            return new ConnectionOptions
            {
                ReceiveBufferSize = 1024,
                TransmitBufferSize = 256,
                CommandBufferSize = 128,
                MaxWordsPerSentence = 24,
                TagSlots = 2,
                MaxPasswordBytes = 64,
            };
        }

        private static void Construction()
        {
            Console.WriteLine("## Bytes allocated at construction");
            Console.WriteLine();
            Console.WriteLine("Default: rx 4096, tx 1024, command 512, 64 words, 8 slots, password 64. Small: rx 1024, tx 256, command 128, 24 words, 2 slots, password 64.");
            Console.WriteLine("Measured: GC.GetAllocatedBytesForCurrentThread around the constructor (options built before; second construction, after JIT warm-up).");
            Console.WriteLine("Graph walk: the constructed object's reachable objects and arrays (reflection); payload = array elements at their size (references 4 bytes, as on a 32-bit MCU).");
            Console.WriteLine("nano estimate = payload + 12 B per object/array header + 12 B per instance field (ASSUMPTION: nanoFramework's CLR stores an object as 12-byte heap blocks, one per field, plus a header block; not measured on a device).");
            Console.WriteLine();
            Console.WriteLine("| Object | Config | .NET allocated (B) | Objects | Arrays | Fields | Array payload (B) | nano estimate (B) |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            Row("ApiConnection", "default", () => new ApiConnection(new ConnectionOptions()), o => new ApiConnection((ConnectionOptions)o), () => new ConnectionOptions());
            Row("ApiConnection", "small", () => new ApiConnection(SmallOptions()), o => new ApiConnection((ConnectionOptions)o), SmallOptions);
            Row("ApiClient", "default", () => new ApiClient(new ClientOptions()), o => new ApiClient((ClientOptions)o), () => new ClientOptions());
            Row("ApiClient", "small", () => new ApiClient(new ClientOptions { Connection = SmallOptions() }), o => new ApiClient((ClientOptions)o), () => new ClientOptions { Connection = SmallOptions() });
            Row("CommandBuffer", "512 B", () => new CommandBuffer(512), o => new CommandBuffer(512), () => null);
            Row("RowTable", "3 cols x 16 rows, 512 B", () => new RowTable(new[] { "name", "running", "disabled" }, 16, 512), o => new RowTable((string[])o, 16, 512), () => new[] { "name", "running", "disabled" });
            Console.WriteLine();
            Console.WriteLine(".NET (64-bit) object headers are 16 bytes (+8 for an array length) and references 8 bytes, so the .NET column is larger than a device's.");
            Console.WriteLine("The ApiClient rows include the SystemClock, the lock object and the delegates it creates; the client's options objects are not included.");
            Console.WriteLine();
        }

        private static void Row(string name, string config, Func<object> warm, Func<object, object> build, Func<object> options)
        {
            warm();
            object opts = options();
            long before = GC.GetAllocatedBytesForCurrentThread();
            object o = build(opts);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var walk = new GraphWalk();
            walk.Visit(o);
            Console.WriteLine($"| {name} | {config} | {allocated:N0} | {walk.Objects} | {walk.Arrays} | {walk.Fields} | {walk.Payload:N0} | {walk.NanoEstimate:N0} |");
            GC.KeepAlive(o);
        }

        /// <summary>Walks the objects reachable from a root (our types, arrays, strings, BCL leaves).</summary>
        private sealed class GraphWalk
        {
            private readonly HashSet<object> _seen = new HashSet<object>(ReferenceEqualityComparer.Instance);

            public int Objects;
            public int Arrays;
            public int Fields;
            public long Payload;

            public long NanoEstimate
            {
                get { return Payload + 12L * (Objects + Arrays) + 12L * Fields; }
            }

            /// <summary>Leaves an object (and what only it reaches) out of the walk.</summary>
            public void Skip(object o)
            {
                _seen.Add(o);
            }

            public void Visit(object o)
            {
                if (o == null || !_seen.Add(o))
                {
                    return;
                }

                Type t = o.GetType();
                if (t.IsArray)
                {
                    Arrays++;
                    Array a = (Array)o;
                    Type e = t.GetElementType();
                    if (e.IsPrimitive || e.IsEnum)
                    {
                        Payload += (long)a.Length * ElementSize(e);
                    }
                    else
                    {
                        Payload += 4L * a.Length;
                        foreach (object x in a)
                        {
                            Visit(x);
                        }
                    }

                    return;
                }

                if (o is string s)
                {
                    Objects++;
                    Payload += 2L * s.Length;
                    return;
                }

                Objects++;
                if (t.Assembly != typeof(ApiConnection).Assembly && t.Assembly != typeof(ApiClient).Assembly && t.Assembly != typeof(WatchdogSupervisor).Assembly
                    && t.Assembly != typeof(InMemoryTransport).Assembly && t.Assembly != typeof(Footprint).Assembly)
                {
                    // A BCL object (lock object, event, delegate, thread): counted, not entered.
                    return;
                }

                for (Type x = t; x != null && x != typeof(object); x = x.BaseType)
                {
                    foreach (FieldInfo f in x.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    {
                        Fields++;
                        if (!f.FieldType.IsValueType)
                        {
                            Visit(f.GetValue(o));
                        }
                    }
                }
            }

            private static int ElementSize(Type e)
            {
                if (e.IsEnum) e = Enum.GetUnderlyingType(e);
                if (e == typeof(byte) || e == typeof(sbyte) || e == typeof(bool)) return 1;
                if (e == typeof(short) || e == typeof(ushort) || e == typeof(char)) return 2;
                if (e == typeof(long) || e == typeof(ulong) || e == typeof(double)) return 8;
                return 4;
            }
        }

        // --- Watchdog ----------------------------------------------------------------------

        private sealed class NullLog : IDecisionLog
        {
            public int Count;

            public void Record(Decision decision)
            {
                Count++;
            }
        }

        private sealed class NullLed : IStatusLed
        {
            public void Show(LedPattern pattern)
            {
            }
        }

        private sealed class UpNetwork : INetworkStatus
        {
            public bool IsUp => true;
        }

        private sealed class NoReset : IBoardReset
        {
            public void ResetBoard(string reason)
            {
            }
        }

        /// <summary>Hands the probe's session the transport created before the measurement.</summary>
        private sealed class PreparedTransports : ITransportFactory
        {
            private ITransport _next;

            public PreparedTransports(ITransport transport)
            {
                _next = transport;
            }

            public ITransport Open(RouterConfig router)
            {
                ITransport t = _next;
                _next = null;
                if (t == null)
                {
                    throw new MikrotikException(ErrorCode.TransportError, "no transport prepared");
                }

                return t;
            }
        }

        private sealed class SilentKnock : IPortKnock
        {
            public PortAnswer Knock(string host, int port, int timeoutMilliseconds) => PortAnswer.Silent;
        }

        private sealed class NoRelay : IPowerRelay
        {
            public void PowerCycle(int offMilliseconds)
            {
            }
        }

        private sealed class Scenario
        {
            public WatchdogSupervisor Supervisor;
            public WatchdogStatus Status;
            public RouterSession Session;
            public IRouterProbe Probe;
            public IRouterRebooter Rebooter;
            public ManualClock Clock;
            public BoardWatchdog BoardWatchdog;
            public WatchdogConfig Config;
        }

        private static Scenario Build(ITransport transport, bool smallOptions)
        {
            var router = new RouterConfig
            {
                Name = "main",
                Host = "127.0.0.1",
                Port = RouterConfig.ApiPort,
                UseTls = false,
                AllowPlaintext = true,
                User = "watchdog",
                Password = "bench-password",
                Checks = new Esp32Watchdog.Health.IHealthCheck[]
                {
                    new Esp32Watchdog.Health.RequiredInterfacesCheck { Interfaces = new object[] { "ether1", "wlan1" } },
                    new Esp32Watchdog.Health.PingLossCheck { Targets = new object[] { "192.0.2.254" }, Count = 3 },
                },
                RelayGpioPin = 26,
            };
            var config = new WatchdogConfig
            {
                WifiSsid = "lab",
                WifiPassword = "wifi-pass",
                Routers = new[] { router },
                StartupGraceMilliseconds = 0,
                RelayPolarity = RelayPolarity.ActiveHigh,
                RelayContact = RelayContact.NormallyClosed,
            };
            string problem = config.Validate();
            if (problem != null)
            {
                throw new InvalidOperationException(problem);
            }

            var clock = new ManualClock { NowMilliseconds = 1_000_000 };
            var board = new BoardWatchdog(clock, new NoReset(), config.BoardWatchdogTimeoutMilliseconds, 5000);

            // Through the assembly point, as Platform/Program.cs wires it, with the transport factory replaced and the client's
            // timeouts on the real clock (the supervisor's clock is stepped by hand).
            ClientOptions options = new ClientOptions();
            if (smallOptions)
            {
                options.Connection = SmallOptions();
            }

            var kind = new RouterOsKind(new PreparedTransports(transport), null, options.Connection, 0);
            var parts = new WatchdogBoard { Clock = clock, Led = new NullLed(), Network = new UpNetwork(), Relays = new IPowerRelay[] { new NoRelay() }, BoardWatchdog = board, PortKnock = new SilentKnock() };
            var watchdog = WatchdogAssembly.Build(config, parts, new IRouterKind[] { kind }, new NullLog());
            var supervisor = watchdog.Supervisor;
            WatchedRouter watched = supervisor.GetRouter(0);
            return new Scenario { Supervisor = supervisor, Status = watchdog.Status, Session = kind.LastSession, Probe = watched.Probe, Rebooter = watched.Rebooter, Clock = clock, BoardWatchdog = board, Config = config };
        }

        private static void Watchdog()
        {
            Console.WriteLine("## Watchdog with one router (plain API, no TLS)");
            Console.WriteLine();
            Console.WriteLine("Objects: WatchdogConfig + RouterConfig (2 watched interfaces, 1 ping target), WatchdogSupervisor (RouterPolicy,");
            Console.WriteLine("HealthSample), BoardWatchdog (not started), RouterSession (ApiClient), RouterOsProbe and RouterOsRebooter (their");
            Console.WriteLine("CommandBuffers and RowTables), wired as Platform/Program.cs does, minus Wi-Fi/GPIO/LED. One round = login (first");
            Console.WriteLine("round only), /system/resource/print, /interface/print, /ping =count=3, /system/script/print (the maintenance flag), answered by FastRouter over the in-memory transport,");
            Console.WriteLine("whose pipes are created before the measurement (on a device the socket's buffers are native, not managed).");
            Console.WriteLine();
            Console.WriteLine("Allocated = GC.GetAllocatedBytesForCurrentThread (.NET sizes); live = GC.GetTotalMemory(true) delta; graph walk and nano estimate as above.");
            Console.WriteLine();
            Console.WriteLine("| Client options | Construction allocated (B) | Construction live (B) | First round allocated (B) | Next round allocated (B) | Peak = construction + first round (B) | Objects / arrays | Array payload (B) | nano estimate (B) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            // Warm-up scenario first: JIT and type initialisation, so the measured one sees steady code.
            RunScenario(false, false);
            RunScenario(true, false);
            RunScenario(false, true);
            RunScenario(true, true);
            Console.WriteLine();
            Console.WriteLine("Peak managed memory of the watchdog = construction + the first round's allocations (nothing is freed in between).");
            Console.WriteLine("A probe round reads every value in place (the uptime is parsed from the row's bytes): a healthy");
            Console.WriteLine("round allocates nothing; only a failing one makes its detail string.");
            Console.WriteLine();
        }

        private static void RunScenario(bool print, bool small)
        {
            InMemoryTransport client;
            InMemoryTransport routerEnd;
            InMemoryTransport.CreatePair(8192, out client, out routerEnd);
            var router = new FastRouter(routerEnd);
            router.Start();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long heap0 = GC.GetTotalMemory(true);
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            Scenario s = Build(client, small);
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            long heap1 = GC.GetTotalMemory(true);
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            s.Supervisor.Tick();
            long a3 = GC.GetAllocatedBytesForCurrentThread();
            long heap2 = GC.GetTotalMemory(true);
            s.Clock.NowMilliseconds += s.Config.ProbeIntervalMilliseconds;
            long a4 = GC.GetAllocatedBytesForCurrentThread();
            s.Supervisor.Tick();
            long a5 = GC.GetAllocatedBytesForCurrentThread();
            long heap3 = GC.GetTotalMemory(true);
            RouterPolicy policy = s.Supervisor.GetRouter(0).Policy;
            string state = policy.State.ToString();
            bool connected = s.Session.Client.IsConnected;
            var walk = new GraphWalk();
            walk.Skip(client);
            walk.Visit(s.Supervisor);
            walk.Visit(s.Session);
            walk.Visit(s.Probe);
            walk.Visit(s.Rebooter);
            s.Session.Close();
            s.BoardWatchdog.Dispose();
            router.Stop();
            if (!print)
            {
                return;
            }

            // The login, then two rounds of four commands each.
            if (!connected || router.Answered != 9)
            {
                throw new InvalidOperationException("probe rounds did not complete: " + state + ", answered " + router.Answered);
            }

            string name = small ? "small (rx 1024, tx 256, cmd 128, 24 words, 2 slots)" : "default (as the firmware)";
            Console.WriteLine($"| {name} | {a1 - a0:N0} | {heap1 - heap0:N0} | {a3 - a2:N0} | {a5 - a4:N0} | {a1 - a0 + a3 - a2:N0} | {walk.Objects} / {walk.Arrays} | {walk.Payload:N0} | {walk.NanoEstimate:N0} |");
        }

        // --- Client per command -----------------------------------------------------------

        private static void ClientPerCommand()
        {
            Console.WriteLine("## ApiClient: bytes allocated per command (client thread only)");
            Console.WriteLine();
            Console.WriteLine("Single-threaded mode (Send, Poll until !done) on this thread; 2,000 commands after 200 warm-up ones; identity print, one !re + !done.");
            Console.WriteLine("GetAllocatedBytesForCurrentThread counts the client, the core and the transport calls made on this thread, not the router's thread.");
            Console.WriteLine();
            Console.WriteLine("| Transport / router | In flight | B per command |");
            Console.WriteLine("|---|---:|---:|");
            InMemoryTransport client;
            InMemoryTransport routerEnd;
            InMemoryTransport.CreatePair(65536, out client, out routerEnd);
            var router = new FastRouter(routerEnd);
            router.Start();
            var api = new ApiClient(new ClientOptions { Connection = new ConnectionOptions { KeepaliveIdleMilliseconds = 0 } });
            api.Connect(client, "admin", "secret");
            PerCommand("InMemoryTransport / FastRouter", api);
            api.Close();
            router.Stop();

            using (var sim = LoopbackRouter.Start())
            {
                ApiClient tcp = LoopbackRouter.Connect(sim);
                PerCommand("TcpTransport (loopback) / RouterSimulator", tcp);
                tcp.Close();
            }

            Console.WriteLine();
        }

        private static void PerCommand(string name, ApiClient api)
        {
            foreach (int inFlight in new[] { 1, 8 })
            {
                for (int i = 0; i < 200 / inFlight; i++)
                {
                    RoundTrips.Run(api, inFlight);
                }

                int rounds = 2000 / inFlight;
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < rounds; i++)
                {
                    RoundTrips.Run(api, inFlight);
                }

                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Console.WriteLine($"| {name} | {inFlight} | {(double)allocated / (rounds * inFlight):N1} |");
            }
        }

        // --- Naive comparison --------------------------------------------------------------

        private static void Naive()
        {
            Console.WriteLine("## Allocation per reply: Mikrotik.Nano vs a naive decoder (measured on .NET, 64-bit)");
            Console.WriteLine();
            Console.WriteLine("Naive = new byte[] + string per word, string[] per sentence, Dictionary of attributes per sentence, a new array per read (NaiveDecoder.cs). Chunks of 1460 bytes.");
            Console.WriteLine();
            Console.WriteLine("| Stream | Sentences | Bytes | Mikrotik.Nano B/reply | Naive B/reply | Naive B/byte |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (string name in new[] { ReplyStreams.Interfaces, ReplyStreams.AddressList })
            {
                ReplyStream s = ReplyStreams.Get(name);
                var driver = new DecodeDriver(s, 1460, new ConnectionOptions());
                driver.Retag();
                driver.Run();
                driver.Retag();
                long b0 = GC.GetAllocatedBytesForCurrentThread();
                driver.Run();
                long ours = GC.GetAllocatedBytesForCurrentThread() - b0;

                var warm = new NaiveDecoder();
                FeedNaive(warm, s.Data, 1460);
                var naive = new NaiveDecoder();
                long n0 = GC.GetAllocatedBytesForCurrentThread();
                FeedNaive(naive, s.Data, 1460);
                long theirs = GC.GetAllocatedBytesForCurrentThread() - n0;
                if (naive.Sentences != s.Sentences)
                {
                    throw new InvalidOperationException("naive decoder lost sentences");
                }

                Console.WriteLine($"| {name} | {s.Sentences:N0} | {s.Data.Length:N0} | {(double)ours / s.Sentences:N1} | {(double)theirs / s.Sentences:N0} | {(double)theirs / s.Data.Length:N2} |");
            }

            Console.WriteLine();
        }

        private static void FeedNaive(NaiveDecoder d, byte[] data, int chunk)
        {
            for (int at = 0; at < data.Length; at += chunk)
            {
                d.Feed(data, at, Math.Min(chunk, data.Length - at));
            }
        }

        // --- Receive work ------------------------------------------------------------------

        private static void ReceiveWork()
        {
            Console.WriteLine("## Copies per received byte");
            Console.WriteLine();
            Console.WriteLine("Counted from outside the core: PrepareReceive returns where the next bytes go; when that offset is below the end of");
            Console.WriteLine("the bytes committed before, the unfinished sentence was moved to the front and the offset is the number of bytes moved.");
            Console.WriteLine("Copies per byte = 1 (transport -> receive buffer) + moved / received. Ideal: 1.00. Deterministic (no timing).");
            Console.WriteLine();
            Console.WriteLine("| Stream | Chunk | rx 4096: moved B | copies/byte | rx 1024: moved B | copies/byte | Allocated by a whole decode run, rx 4096 (B, this thread) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (string name in new[] { ReplyStreams.Interfaces, ReplyStreams.AddressList, ReplyStreams.Mixed })
            {
                foreach (int chunk in new[] { 64, 536, 1460 })
                {
                    string line = $"| {name} | {chunk} |";
                    long allocated = -1;
                    foreach (int rx in new[] { 4096, 1024 })
                    {
                        var options = new ConnectionOptions { ReceiveBufferSize = rx };
                        var driver = new DecodeDriver(ReplyStreams.Get(name), chunk, options);
                        driver.Retag();
                        driver.Run(true);
                        line += $" {driver.BytesMoved:N0} | {1.0 + (double)driver.BytesMoved / driver.BytesReceived:F3} |";
                        if (allocated < 0)
                        {
                            driver.Retag();
                            long before = GC.GetAllocatedBytesForCurrentThread();
                            driver.Run();
                            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                        }
                    }

                    line += $" {allocated:N0} |";

                    Console.WriteLine(line);
                }
            }

            Console.WriteLine();
            Console.WriteLine("Not counted: the transport's own copies (socket/TLS -> the buffer it is handed is the 1), and bytes read again when a");
            Console.WriteLine("word's length prefix or content is split across reads (the decoder re-reads the prefix, it does not copy).");
        }
    }
}
