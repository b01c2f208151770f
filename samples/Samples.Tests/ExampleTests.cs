using RouterSim;
using Xunit;

// The examples write to Console, which the tests capture: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Samples.Tests;

/// <summary>Each example's console flavour, run as a user would (its Main with arguments) against the simulator.</summary>
public class ExampleTests
{
    [Fact(Timeout = 60000)]
    public Task PrintInterfacesListsOnlyEthernetAndVlanWithTheirState() => Task.Run(() =>
    {
        using var sim = StartSim();
        sim.State.AddInterface("vlan10", "vlan", running: false);

        var (exit, output) = Run(Samples.PrintInterfaces.Program.Main, "127.0.0.1", sim.Port.ToString());

        Assert.True(exit == 0, output);
        Assert.Contains("ether1 (ether): running", output);
        Assert.Contains("sfp-sfpplus1 (ether): not running", output);
        Assert.Contains("vlan10 (vlan): not running", output);
        Assert.DoesNotContain("bridge", output); // the query left it out
        Assert.Contains("interfaces", output);
    });

    [Fact(Timeout = 60000)]
    public Task FollowLogStreamsNewEntriesThenCancelsAndReusesTheConnection() => Task.Run(() =>
    {
        using var sim = StartSim(o => o.Identity = "follow-router");
        using var done = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            for (int i = 0; !done.IsCancellationRequested; i++)
            {
                sim.State.AddLog("script,info", "sample tick " + i);
                await Task.Delay(100);
            }
        });

        var (exit, output) = Run(Samples.FollowLog.Program.Main, "127.0.0.1", sim.Port.ToString(), "admin", "", "2");
        done.Cancel();
        ticker.Wait();

        Assert.True(exit == 0, output);
        Assert.Contains("script,info sample tick 0", output);
        Assert.Contains("script,info sample tick 3", output); // entries that arrived while following
        Assert.EndsWith("log cancelled; still connected to follow-router", output.TrimEnd());
    });

    [Fact(Timeout = 60000)]
    public Task TlsHealthWithThePinnedCertificateReadsUptimeAndCpuLoad() => Task.Run(() =>
    {
        using var sim = StartSim(o =>
        {
            o.TlsPort = 0;
            o.InitialUptime = new TimeSpan(3, 4, 7, 46);
            o.NormalCpuLoad = 7;
        });
        string pem = Path.Combine(Path.GetTempPath(), "router-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(pem, sim.Certificate!.ExportCertificatePem());
        try
        {
            var (exit, output) = Run(Samples.TlsHealth.Program.Main, pem, "127.0.0.1", sim.TlsPort.ToString());

            Assert.True(exit == 0, output);
            Assert.Matches(@"uptime 2740\d\d s \(3 days\), cpu-load \d+ %", output);
        }
        finally
        {
            File.Delete(pem);
        }
    });

    [Fact(Timeout = 60000)]
    public Task TlsHealthRefusesACertificateThatIsNotTheRouters() => Task.Run(() =>
    {
        using var sim = StartSim(o => o.TlsPort = 0);
        using var other = StartSim(o => o.TlsPort = 0);
        string pem = Path.Combine(Path.GetTempPath(), "other-" + Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(pem, other.Certificate!.ExportCertificatePem());
        try
        {
            var (exit, output) = Run(Samples.TlsHealth.Program.Main, pem, "127.0.0.1", sim.TlsPort.ToString());

            Assert.Equal(2, exit);
            Assert.StartsWith("router: TlsError: ", output);
        }
        finally
        {
            File.Delete(pem);
        }
    });

    private static RouterSimulator StartSim(Action<RouterSimulatorOptions>? configure = null)
    {
        var options = new RouterSimulatorOptions { Port = 0 };
        configure?.Invoke(options);
        var sim = new RouterSimulator(options);
        sim.Start();
        return sim;
    }

    /// <summary>Runs a Main with its console output captured.</summary>
    private static (int Exit, string Output) Run(Func<string[], int> main, params string[] args)
    {
        var output = new StringWriter();
        TextWriter original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(output));
        try
        {
            int exit = main(args);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
