using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using Xunit;

namespace Mikrotik.Nano.HostTests.Watchdog;

/// <summary>
/// The watchdog's quiet path allocates nothing: a healthy round through the policy, and a healthy
/// tick of the supervisor, counted with .NET's per-thread allocation counter (nanoFramework has
/// none; the device suite measures retained heap with GC.Run instead, in
/// samples/Esp32Watchdog.Tests/Platform). The rest of the watchdog's tests are in that suite.
/// </summary>
public class WatchdogAllocationTests
{
    [Fact]
    public void HealthyPolicyRoundsAllocateNothing()
    {
        var config = Config();
        var checks = WatchdogAssembly.DeclareChecks(config, config.Routers[0], out ProbeRequest request);
        var sample = new HealthSample(request);
        var policy = new RouterPolicy(config, config.Routers[0], true, new RouterLog(new NullLog(), 0, "main"), checks);
        long now = 1_000_000, uptime = 86400;
        for (int i = 0; i < 200; i++)
        {
            Healthy(sample, uptime += 30);
            policy.OnProbe(sample, now += 30_000);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            Healthy(sample, uptime += 30);
            policy.OnProbe(sample, now += 30_000);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void HealthySupervisorTicksAllocateNothing()
    {
        // Through the assembly point, so the status observing every round is measured too.
        var config = Config();
        var clock = new ManualClock { NowMilliseconds = 10_000 };
        var router = new HealthyRouter(clock);
        var board = new WatchdogBoard { Clock = clock, Led = new NullLed(), Network = new UpNetwork(), PortKnock = new SilentKnock() };
        var supervisor = WatchdogAssembly.Build(config, board, [router], new NullLog()).Supervisor;
        RunFor(supervisor, clock, 30);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunFor(supervisor, clock, 600);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(router.Probes > 1000);
    }

    [Fact]
    public void HealthyTicksKeepingTheHistoryAllocateNothing()
    {
        // The judgement is compared every tick and written every checkpoint (10 min): 60 writes
        // here, none of which allocates above the file port (the board's FileStream does).
        var config = Config();
        var clock = new ManualClock { NowMilliseconds = 10_000 };
        var router = new HealthyRouter(clock);
        var board = new WatchdogBoard { Clock = clock, Led = new NullLed(), Network = new UpNetwork(), PortKnock = new SilentKnock() };
        var log = new BoardOnlyLog();
        var supervisor = WatchdogAssembly.Build(config, board, [router], log).Supervisor;
        var files = new MemoryFiles();
        Assert.Null(supervisor.AttachHistory(new FlashHistoryStore(files, config)));
        RunFor(supervisor, clock, 30);
        int writes = files.Writes;
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunFor(supervisor, clock, 600);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(files.Writes - writes, 59, 61);
    }

    [Fact]
    public void NewChecksJudgeAndShowWithoutAllocating()
    {
        // The free-memory floor in bytes and a report-only uplink that stays down: after the one
        // ReportOnlyFinding decision, neither the rounds nor /status and /metrics allocate.
        var config = Config();
        config.Routers[0].Checks =
        [
            new FreeMemoryFloorCheck { MinFreeBytes = 16L << 20 },
            new RequiredInterfacesCheck { Name = "uplink", Interfaces = ["lte1", "pppoe-out1"], ReportOnly = true },
        ];
        Assert.All(config.Routers[0].Checks, c => Assert.Null(c.Validate()));
        var log = new CountingLog();
        var status = new WatchdogStatus(config, log, new ManualClock());
        var checks = WatchdogAssembly.DeclareChecks(config, config.Routers[0], out ProbeRequest request);
        var sample = new HealthSample(request);
        var router = new WatchedRouter(config, new RouterLog(status, 0, "main"), null!, null!, null, checks, sample);
        status.Watch(router);
        var body = new ByteWriter(StatusHttpHandler.BodyCapacityFor(status));
        var json = new StatusJson(body);
        var metrics = new PrometheusMetrics(body);
        long now = 1_000_000, uptime = 86400;
        void Round()
        {
            Healthy(sample, uptime += 30);
            sample.SetInterfaceRunning(request.InterfaceSlot("pppoe-out1"), false);
            router.Policy.OnProbe(sample, now += 30_000);
            status.RoundDone(router);
            body.Clear();
            json.Write(status, 1);
            body.Clear();
            metrics.Write(status, 1);
        }

        for (int i = 0; i < 50; i++)
        {
            Round();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
        {
            Round();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(body.Overflowed);
        Assert.Contains("watchdog_check_interfaces_not_running{router=\"main\",check=\"uplink\"} 1\n", body.ToString());
        Assert.Equal(1, log.Count);
        Assert.Equal(PolicyState.Monitoring, router.Policy.State);
    }

    private static WatchdogConfig Config() => new()
    {
        WifiSsid = "lab",
        WifiPassword = "pw",
        StartupGraceMilliseconds = 0,
        Routers =
        [
            new RouterConfig
            {
                Name = "main", Host = "192.0.2.1", UseTls = false, Port = RouterConfig.ApiPort, User = "u", Password = "p",
                Checks =
                [
                    new RequiredInterfacesCheck { Interfaces = ["ether1"] },
                    new PingLossCheck { Targets = ["192.0.2.254"] },
                ],
            },
        ],
    };

    private static void Healthy(HealthSample s, long uptime)
    {
        s.Reset();
        s.MarkLoggedIn();
        s.UptimeSeconds = uptime;
        s.SetResource(s.Request.ResourceSlot("cpu-load"), 10);
        s.SetResource(s.Request.ResourceSlot("free-memory"), 40L << 20);
        s.SetResource(s.Request.ResourceSlot("total-memory"), 128L << 20);
        for (int i = 0; i < s.Request.InterfaceCount; i++)
        {
            s.SetInterfaceRunning(i, true);
        }

        for (int i = 0; i < s.Request.PingTargetCount; i++)
        {
            s.SetPingLoss(i, 0);
        }
    }

    private static void RunFor(WatchdogSupervisor supervisor, ManualClock clock, int minutes)
    {
        long until = clock.NowMilliseconds + minutes * 60_000L;
        while (clock.NowMilliseconds < until)
        {
            clock.NowMilliseconds += Math.Max(supervisor.Tick(), 1);
        }
    }

    private sealed class HealthyRouter(ManualClock clock) : IRouterProbe, IRouterRebooter, IRouterKind
    {
        public int Probes { get; private set; }

        public string Name => RouterConfig.RouterOsKind;

        public IRouterProbe Create(WatchdogConfig config, RouterLog log, ProbeRequest request, out IRouterRebooter rebooter)
        {
            rebooter = this;
            return this;
        }

        public void Probe(HealthSample sample)
        {
            Probes++;
            Healthy(sample, 86400 + clock.NowMilliseconds / 1000);
        }

        public RebootResult Reboot(Decision request) => RebootResult.Failed;
    }

    private sealed class NullLog : IDecisionLog
    {
        public void Record(Decision decision) => Assert.Fail("no decision expected on a healthy run: " + decision);
    }

    // The board says once where its history is, and the router once what was kept; nothing else.
    private sealed class BoardOnlyLog : IDecisionLog
    {
        public void Record(Decision decision)
        {
            Assert.True(decision.Code is DecisionCode.ActionHistoryKept or DecisionCode.ActionHistoryRestored, "no other decision expected: " + decision);
        }
    }

    // Two files in buffers allocated once.
    private sealed class MemoryFiles : IFlashFiles
    {
        private readonly byte[][] _content = [new byte[4096], new byte[4096]];
        private readonly int[] _length = [-1, -1];

        public int Writes { get; private set; }

        public int Read(string name, byte[] buffer)
        {
            int i = Index(name);
            if (_length[i] < 0)
            {
                return -1;
            }

            int n = Math.Min(_length[i], buffer.Length);
            Array.Copy(_content[i], buffer, n);
            return n;
        }

        public void Write(string name, byte[] buffer, int count)
        {
            int i = Index(name);
            Array.Copy(buffer, _content[i], count);
            _length[i] = count;
            Writes++;
        }

        private static int Index(string name) => name == FlashHistoryStore.FirstFile ? 0 : 1;
    }

    private sealed class CountingLog : IDecisionLog
    {
        public int Count { get; private set; }

        public void Record(Decision decision)
        {
            Assert.Equal(DecisionCode.ReportOnlyFinding, decision.Code);
            Count++;
        }
    }

    private sealed class SilentKnock : IPortKnock
    {
        public PortAnswer Knock(string host, int port, int timeoutMilliseconds) => PortAnswer.Silent;
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
}
