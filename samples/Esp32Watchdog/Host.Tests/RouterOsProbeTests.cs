using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;
using RouterSim;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>The firmware's RouterOS probe and rebooter (nano-compiled) against the simulator over TCP.</summary>
public class RouterOsProbeTests
{
    private static (RouterSimulator Sim, RouterSession Session, WatchdogConfig Config) Start(Action<RouterSimulatorOptions>? configure = null)
    {
        var options = new RouterSimulatorOptions { Port = 0, Users = new(StringComparer.Ordinal) { ["watchdog"] = "pw" }, PingInterval = TimeSpan.FromMilliseconds(5) };
        configure?.Invoke(options);
        var sim = new RouterSimulator(options);
        sim.Start();
        var router = new RouterConfig
        {
            Name = "r", Host = "127.0.0.1", Port = sim.Port, UseTls = false, User = "watchdog", Password = "pw",
            WatchedInterfaces = new[] { "ether1", "ether2", "nonexistent" }, PingTargets = new[] { "1.1.1.1", "9.9.9.9" }, PingCount = 4,
        };
        var config = new WatchdogConfig { Routers = new[] { router }, ProbeTimeoutMilliseconds = 3000 };
        var session = new RouterSession(router, new HostTransportFactory(3000, null), new ClientOptions { LoginTimeoutMilliseconds = 3000, ReadSliceMilliseconds = 20 });
        return (sim, session, config);
    }

    [Fact(Timeout = 60000)]
    public async Task ProbeReadsResourcesInterfacesAndPingLoss() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            sim.State.SetInterfaceRunning("ether2", false);
            sim.State.SetPingLoss("9.9.9.9", 100);
            sim.Faults.CpuLoad = 73;
            var sample = config.Routers[0].CreateSample();
            new RouterOsProbe(session, config).Probe(sample);

            Assert.True(sample.ApiReachable, sample.FailureDetail);
            Assert.Equal(73, sample.CpuLoadPercent);
            Assert.True(sample.FreeMemoryBytes > 0 && sample.TotalMemoryBytes > sample.FreeMemoryBytes);
            Assert.True(sample.UptimeSeconds > 3600, "the simulator starts with 3d4h5m6s of uptime");
            Assert.Equal(2, sample.InterfacesNotRunningCount);
            Assert.Equal("ether2", sample.GetInterfaceNotRunning(0));
            Assert.Equal("nonexistent", sample.GetInterfaceNotRunning(1));
            Assert.Equal(0, sample.GetPingLoss(0));
            Assert.Equal(100, sample.GetPingLoss(1));
            session.Close();
        }
    });

    [Fact(Timeout = 60000)]
    public async Task HealthyProbeRoundAllocatesNothing() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            var probe = new RouterOsProbe(session, config);
            var sample = config.Routers[0].CreateSample();
            for (int i = 0; i < 20; i++)
            {
                sample.Reset();
                probe.Probe(sample);
            }

            // Everything of a round runs on this thread (single-threaded client over TCP); the
            // simulator's allocations are on its own threads and not counted.
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool allHealthy = true;
            for (int i = 0; i < 50; i++)
            {
                sample.Reset();
                probe.Probe(sample);
                allHealthy &= sample.ApiReachable && sample.UptimeSeconds > 0 && sample.CpuLoadPercent >= 0;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allHealthy);

            // Any per-round allocation would be at least 50 x 24 B; the slack covers a rare, unexplained
            // 56-byte allocation inside .NET's socket layer seen once in a while in the end-to-end soak.
            Assert.True(allocated < 1024, $"{allocated} B allocated over 50 probe rounds");
            session.Close();
        }
    });

    [Fact(Timeout = 60000)]
    public async Task RefusedLoginIsNotCountedAsUnreachable() => await Task.Run(() =>
    {
        var (sim, session, config) = Start(o => o.Users = new(StringComparer.Ordinal) { ["watchdog"] = "other" });
        using (sim)
        {
            var sample = config.Routers[0].CreateSample();
            new RouterOsProbe(session, config).Probe(sample);
            Assert.False(sample.ApiReachable);
            Assert.Equal(ProbeFailure.LoginRejected, sample.Failure);
            Assert.Contains("invalid user name or password", sample.FailureDetail);
        }
    });

    [Fact(Timeout = 60000)]
    public async Task StalledApiIsATimeoutAndDownIsConnectFailed() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            var probe = new RouterOsProbe(session, config);
            var sample = config.Routers[0].CreateSample();
            probe.Probe(sample);
            Assert.True(sample.ApiReachable);

            sim.Faults.StallReplies = true;
            sample.Reset();
            probe.Probe(sample);
            Assert.Equal(ProbeFailure.Timeout, sample.Failure);
            Assert.Equal("/system/resource/print timed out", sample.FailureDetail);

            sim.Faults.Clear();
            sim.Faults.RefuseConnections = true;
            sample.Reset();
            probe.Probe(sample);
            Assert.Equal(ProbeFailure.ConnectFailed, sample.Failure);
        }
    });

    [Theory(Timeout = 60000)]
    [InlineData(RebootReply.Done, RebootResult.Rebooting)]
    [InlineData(RebootReply.Fatal, RebootResult.Rebooting)]
    [InlineData(RebootReply.None, RebootResult.Rebooting)]
    public async Task RebootThroughTheApiIsRecognisedWhateverTheRouterAnswers(RebootReply reply, RebootResult expected) => await Task.Run(() =>
    {
        var (sim, session, config) = Start(o => { o.RebootReply = reply; o.RebootDowntime = TimeSpan.FromSeconds(2); });
        using (sim)
        {
            Assert.Equal(expected, new RouterOsRebooter(session, config).Reboot(null));

            // The router may answer before it starts going down: wait (bounded) for the reboot itself.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!(sim.IsRebooting || sim.BootCount == 1) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }

            Assert.True(sim.IsRebooting || sim.BootCount == 1, "the simulator really rebooted");
        }
    });

    [Fact(Timeout = 60000)]
    public async Task RebootRefusedByTheRouterIsAFailure() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            sim.Faults.RefuseConnections = true;
            Assert.Equal(RebootResult.Failed, new RouterOsRebooter(session, config).Reboot(null));
            Assert.Equal(0, sim.BootCount);
        }
    });
}
