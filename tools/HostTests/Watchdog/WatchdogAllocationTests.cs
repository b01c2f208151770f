using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
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
        var policy = new RouterPolicy(config, config.Routers[0], true, new RouterLog(new NullLog(), 0, "main"));
        var sample = config.Routers[0].CreateSample();
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
        var board = new WatchdogBoard { Clock = clock, Led = new NullLed(), Network = new UpNetwork() };
        var supervisor = WatchdogAssembly.Build(config, board, [router], new NullLog()).Supervisor;
        RunFor(supervisor, clock, 30);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RunFor(supervisor, clock, 600);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(router.Probes > 1000);
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
                WatchedInterfaces = ["ether1"], PingTargets = ["192.0.2.254"],
            },
        ],
    };

    private static void Healthy(HealthSample s, long uptime)
    {
        s.Reset();
        s.MarkLoggedIn();
        s.CpuLoadPercent = 10;
        s.FreeMemoryBytes = 40L << 20;
        s.TotalMemoryBytes = 128L << 20;
        s.UptimeSeconds = uptime;
        s.SetPingLoss(0, 0);
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

        public IRouterProbe Create(WatchdogConfig config, RouterLog log, out IRouterRebooter rebooter)
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
