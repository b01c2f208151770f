using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RouterSim.Cli;

/// <summary>Entry point of the simulator executable.</summary>
public static class Program
{
    /// <summary>Runs the simulator until Ctrl+C or SIGTERM (or end of standard input with
    /// <c>--exit-on-stdin-eof</c>).</summary>
    public static async Task<int> Main(string[] args)
    {
        CliOptions options;
        Scenario? scenario = null;
        try
        {
            options = CliOptions.Parse(args);
            if (options.ScenarioFile != null)
            {
                scenario = Scenario.Load(options.ScenarioFile);
            }
        }
        catch (Exception ex) when (ex is FormatException or IOException)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            await Console.Error.WriteLineAsync(CliOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(CliOptions.Usage);
            return 0;
        }

        await using var simulator = new RouterSimulator(options.Simulator);
        try
        {
            simulator.Start();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await Console.Error.WriteLineAsync("error: cannot listen: " + ex.Message);
            return 1;
        }

        options.ApplyTo(simulator);

        // These two lines are a contract: scripts and tests read the ports from them.
        Console.WriteLine($"listening on 127.0.0.1:{simulator.Port}");
        if (simulator.TlsPort != 0)
        {
            Console.WriteLine($"listening (tls) on 127.0.0.1:{simulator.TlsPort}");
        }

        if (simulator.Certificate != null)
        {
            Console.WriteLine("tls certificate sha256 " + simulator.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
            if (options.CertOut != null)
            {
                try
                {
                    await File.WriteAllTextAsync(options.CertOut, simulator.Certificate.ExportCertificatePem() + "\n");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await Console.Error.WriteLineAsync("error: cannot write the certificate: " + ex.Message);
                    return 1;
                }

                Console.WriteLine("tls certificate written to " + options.CertOut);
            }
        }
        else if (options.CertOut != null)
        {
            await Console.Error.WriteLineAsync("error: --cert-out needs --tls-port");
            return 2;
        }

        Console.Out.Flush();

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
        if (options.ExitOnStdinEof)
        {
            _ = Task.Run(async () =>
            {
                using Stream stdin = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (await stdin.ReadAsync(buffer) > 0)
                {
                }

                stop.TrySetResult();
            });
        }

        simulator.Rebooted += () => Console.WriteLine($"rebooted (boot {simulator.BootCount})");
        if (scenario != null)
        {
            ScenarioRunner runner = simulator.RunScenario(scenario);
            runner.StepApplied += step => Console.WriteLine($"scenario: {step}");
        }

        await stop.Task;
        Console.WriteLine("stopping");
        return 0;
    }
}
