using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;
using RouterSim;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>The line in the router's own log before an API reboot (nano-compiled rebooter, simulator over TCP).</summary>
public class RouterLogTraceTests
{
    // The policy's reboot request, as the supervisor hands it to the rebooter.
    private static Decision Request(string reason) => new(DecisionCode.RebootRequested, 0, "core", reason, 0);

    private static (RouterSimulator Sim, RouterSession Session, WatchdogConfig Config) Start()
    {
        var sim = new RouterSimulator(new RouterSimulatorOptions
        {
            Port = 0,
            Users = new(StringComparer.Ordinal) { ["watchdog"] = "pw" },
            RebootDowntime = TimeSpan.FromSeconds(2),
        });
        sim.Start();
        var router = new RouterConfig { Name = "core", Host = "127.0.0.1", Port = sim.Port, UseTls = false, User = "watchdog", Password = "pw" };
        var config = new WatchdogConfig { Routers = new[] { router }, ProbeTimeoutMilliseconds = 3000 };
        var session = new RouterSession(router, new HostTransportFactory(3000, null), new ClientOptions { LoginTimeoutMilliseconds = 3000, ReadSliceMilliseconds = 20 });
        return (sim, session, config);
    }

    private static string[] LogLines(RouterSimulator sim) =>
        sim.State.Log.Snapshot().Select(r => r.Get("topics") + " " + r.Get("message")).ToArray();

    private static void WaitForReboot(RouterSimulator sim)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(sim.IsRebooting || sim.BootCount == 1) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(sim.IsRebooting || sim.BootCount == 1, "the simulator really rebooted");
    }

    [Fact(Timeout = 60000)]
    public async Task TheReasonIsLoggedOnTheRouterBeforeTheReboot() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            var rebooter = new RouterOsRebooter(session, config);
            var request = Request("cpu-load >= 98% for 10 samples");
            Assert.Equal(RebootResult.Rebooting, rebooter.Reboot(request));
            WaitForReboot(sim);

            string[] lines = LogLines(sim);
            int trace = Array.IndexOf(lines, "script,warning esp32-watchdog: rebooting core through the API: cpu-load >= 98% for 10 samples");
            int reboot = Array.FindIndex(lines, l => l.StartsWith("system,info system rebooted by", StringComparison.Ordinal));
            Assert.True(trace >= 0 && reboot > trace, string.Join("\n", lines));
            Assert.Equal(1, rebooter.Trace!.Written);
            Assert.Equal(ErrorCode.None, rebooter.Trace.LastResult);
        }
    });

    [Fact(Timeout = 60000)]
    public async Task ALostTraceNeverBlocksTheReboot() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            Assert.Equal(ProbeFailure.None, session.Connect(out _));
            sim.Faults.DropNextReplyMidSentence();
            var rebooter = new RouterOsRebooter(session, config);
            var request = Request("API unreachable");
            Assert.Equal(RebootResult.Rebooting, rebooter.Reboot(request));
            WaitForReboot(sim);
            Assert.Equal(1, rebooter.Trace!.Failed);
            Assert.NotEqual(ErrorCode.None, rebooter.Trace.LastResult);
        }
    });

    [Fact(Timeout = 60000)]
    public async Task TraceCanBeTurnedOff() => await Task.Run(() =>
    {
        var (sim, session, config) = Start();
        using (sim)
        {
            config.Monitoring.TraceRebootsInRouterLog = false;
            var rebooter = new RouterOsRebooter(session, config);
            var request = Request("x");
            Assert.Null(rebooter.Trace);
            Assert.Equal(RebootResult.Rebooting, rebooter.Reboot(request));
            WaitForReboot(sim);
            Assert.DoesNotContain(LogLines(sim), l => l.StartsWith("script,", StringComparison.Ordinal));
        }
    });
}
