using Esp32Watchdog.Policy;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>The README's main job, end to end: the watchdog's logic and client against the simulator's incident.</summary>
public class DemoRunTests
{
    [Fact(Timeout = 120000)]
    public async Task ScriptedIncidentProducesExactlyTheExpectedDecisions()
    {
        var output = new StringWriter();
        var decisions = await Task.Run(() => DemoRun.Run(10, output));

        // Every decision, in order: nothing extra (no flapping, no second reboot, no give-up).
        Assert.Equal(DemoRun.Expected, decisions.Select(d => d.Code).ToArray());
        Assert.Contains("API unreachable", decisions[4].Reason);
        Assert.Contains("result: both incidents detected, acted on and recovered, as expected", output.ToString());
        Assert.Contains("relay: power off", output.ToString());
    }

    [Fact]
    public void RealRouterModeIsReadOnlyUnlessAllowed()
    {
        var args = Arguments.Parse(new[] { "--router", "192.0.2.1:8729", "--user", "u", "--password", "p", "--tls", "--insecure" });
        Assert.False(args.AllowReboot);
        Assert.Equal("192.0.2.1", args.Host);
        Assert.Equal(8729, args.Port);
        Assert.True(args.Tls && args.Insecure);
        Assert.True(Arguments.Parse(new[] { "--router", "r", "--allow-reboot" }).AllowReboot);
        Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--bogus" }));
    }

    [Fact]
    public void ReadOnlyRebooterNeverReboots()
    {
        var output = new StringWriter();
        var view = new StatusView(new Mikrotik.Nano.SystemClock(), output);
        Assert.Equal(Esp32Watchdog.Supervision.RebootResult.Failed, new ReadOnlyRebooter(view).Reboot());
        Assert.Contains("NOT sent", output.ToString());
    }
}
