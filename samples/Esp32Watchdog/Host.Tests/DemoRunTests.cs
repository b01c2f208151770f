using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using WatchdogHost;
using Xunit;

// The demo runs in scaled time: a test class running beside it would steal the CPU it measures.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WatchdogHost.Tests;

/// <summary>The README's main job, end to end: the watchdog's logic and client against the simulator's incident.</summary>
public class DemoRunTests
{
    [Fact(Timeout = 180000)]
    public async Task ScriptedIncidentProducesExactlyTheExpectedDecisions()
    {
        var output = new StringWriter();
        // Time x5: a probe's 10 s timeout is 2 s of real time, ample on a busy CI machine.
        var all = await Task.Run(() => DemoRun.Run(5, output));

        // Every decision about the router, in order: nothing extra (no flapping, no second reboot, no
        // give-up), a not-counted probe problem at most (DemoRun.IsAsExpected).
        Assert.DoesNotContain(all, d => d.RouterIndex == Decision.Board);
        Assert.True(DemoRun.IsAsExpected(all), output.ToString());
        var acted = all.Where(d => DemoRun.Expected.Contains(d.Code)).ToArray();
        Assert.Contains("API unreachable", acted[4].Reason);
        Assert.Contains("result: both incidents detected, acted on and recovered, as expected", output.ToString());
        Assert.Contains("relay: power off", output.ToString());
    }

    [Fact]
    public void RealRouterModeIsReadOnlyUnlessAllowed()
    {
        var args = Arguments.Parse(new[] { "--router", "192.0.2.1:8729", "--user", "u", "--tls", "--insecure" });
        Assert.False(args.AllowReboot);
        Assert.Equal("192.0.2.1", args.Host);
        Assert.Equal(8729, args.Port);
        Assert.True(args.Tls && args.Insecure);
        Assert.True(Arguments.Parse(new[] { "--router", "r", "--user", "u", "--allow-reboot" }).AllowReboot);
        Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--bogus" }));
    }

    [Fact]
    public void ReadOnlyRebooterNeverReboots()
    {
        var output = new StringWriter();
        var view = new StatusView(new Mikrotik.Nano.SystemClock(), output);
        Assert.Equal(Esp32Watchdog.Ports.RebootResult.Failed, new ReadOnlyRebooter(view).Reboot(null!));
        Assert.Contains("NOT sent", output.ToString());
    }
}
