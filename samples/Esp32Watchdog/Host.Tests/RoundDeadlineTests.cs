using System.Diagnostics;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Mikrotik.Nano;
using RouterSim;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>
/// A probe round has an overall deadline: a slow router (every command answered, each within its
/// own timeout) cannot push a round past it, and what was left unasked stays unknown, not counted.
/// And the router-side maintenance flag is read through the real probe.
/// </summary>
public class RoundDeadlineTests
{
    private static (RouterSimulator Sim, RouterSession Session, WatchdogConfig Config) Start(TimeSpan pingInterval)
    {
        var sim = new RouterSimulator(new RouterSimulatorOptions
        {
            Port = 0,
            Users = new(StringComparer.Ordinal) { ["watchdog"] = "pw" },
            PingInterval = pingInterval,
        });
        sim.Start();
        var router = new RouterConfig
        {
            Name = "r", Host = "127.0.0.1", Port = sim.Port, UseTls = false, AllowPlaintext = true, User = "watchdog", Password = "pw",
            PingTargets = new[] { "1.1.1.1", "9.9.9.9", "8.8.8.8" }, PingCount = 3,
        };
        var config = new WatchdogConfig { Routers = new[] { router }, ProbeTimeoutMilliseconds = 5000, ProbeRoundMilliseconds = 5000 };
        var session = new RouterSession(router, new HostTransportFactory(3000, null),
            new ClientOptions { LoginTimeoutMilliseconds = 3000, ReadSliceMilliseconds = 20 }, new RouterLog(new RecordingLog(new StatusView(new SystemClock(), TextWriter.Null)), 0, router.Name));
        return (sim, session, config);
    }

    [Fact(Timeout = 60000)]
    public async Task SlowRouterCannotPushARoundPastItsDeadline() => await Task.Run(() =>
    {
        // Each ping takes ~3 s (3 echoes, 1 s apart): within the 5 s command timeout, but three
        // of them are ~9 s, past the 5 s round deadline.
        var (sim, session, config) = Start(TimeSpan.FromSeconds(1));
        using (sim)
        {
            var sample = config.Routers[0].CreateSample();
            var watch = Stopwatch.StartNew();
            new RouterOsProbe(session, config).Probe(sample);
            watch.Stop();
            session.Close();

            Assert.True(watch.ElapsedMilliseconds < 7500, watch.ElapsedMilliseconds + " ms");
            Assert.True(sample.ApiReachable, sample.FailureDetail);
            Assert.Equal(ProbeFailure.None, sample.Failure);
            Assert.Equal(-1, sample.GetPingLoss(2));
        }
    });

    [Fact(Timeout = 60000)]
    public async Task RouterFlagAsksForMaintenance() => await Task.Run(() =>
    {
        var (sim, session, config) = Start(TimeSpan.FromMilliseconds(5));
        using (sim)
        {
            var probe = new RouterOsProbe(session, config);
            var sample = config.Routers[0].CreateSample();
            probe.Probe(sample);
            Assert.False(sample.MaintenanceRequested);

            sim.State.Scripts.Add("watchdog-hold", "admin", "read", "0", "", "45");
            sample.Reset();
            probe.Probe(sample);
            Assert.True(sample.MaintenanceRequested);
            Assert.Equal(45, sample.MaintenanceMinutes);
            session.Close();
        }
    });
}
