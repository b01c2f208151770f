using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using RouterSim;

namespace WatchdogHost;

/// <summary>Watches a real router from the host, read-only unless reboots are allowed. No relay.</summary>
internal static class RealRouterRun
{
    internal static int Run(Arguments args, TextWriter output) =>
        Run(args, output, Environment.GetEnvironmentVariable, PromptPassword, null);

    /// <summary>Runs until Ctrl+C, the --duration, or <paramref name="stop"/>; 2 on a setup error.</summary>
    internal static int Run(Arguments args, TextWriter output, Func<string, string?> environment, Func<string?> prompt, CancellationToken? stop)
    {
        string password;
        X509Certificate2? pinned;
        try
        {
            password = args.ReadPassword(environment, prompt);
            pinned = args.CaFile is null ? null : LoadCertificate(args.CaFile);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine(e.Message);
            return 2;
        }

        var simClock = new ScaledClock(1.0);
        IClock clock = new SimulatedClock(simClock);
        var view = new StatusView(clock, output);
        var router = new RouterConfig
        {
            Name = args.RouterName,
            Host = args.Host!,
            Port = args.Port ?? (args.Tls ? RouterConfig.ApiSslPort : RouterConfig.ApiPort),
            UseTls = args.Tls,
            AllowPlaintext = args.Plaintext,
            AllowInsecureTls = args.Insecure,
            User = args.User!,
            Password = password,
            WatchedInterfaces = args.Interfaces,
            PingTargets = args.PingTargets,
        };
        var config = new WatchdogConfig { WifiSsid = "host", WifiPassword = "host-network", Routers = new[] { router } };
        config.ProbeIntervalMilliseconds = args.IntervalSeconds * 1000;

        var log = new RecordingLog(view);
        var routerOs = new RouterOsKind(new HostTransportFactory(config.ProbeTimeoutMilliseconds, pinned), clock, null, 0);
        var board = new WatchdogBoard { Clock = clock, Led = new ConsoleLed(view), Network = new HostNetwork(), Relays = new IPowerRelay[] { new AbsentRelay(view) } };
        var kind = new ShownRounds(routerOs, view) { ReadOnly = !args.AllowReboot };
        var watchdog = WatchdogAssembly.Build(config, board, new IRouterKind[] { kind }, log);
        WatchdogSupervisor supervisor = watchdog.Supervisor;
        WatchdogStatus status = watchdog.Status;
        using HostStatusServer? server = args.StatusPort is int port ? HostStatusServer.Start(port, status, 1) : null;
        if (server is not null)
        {
            view.Header($"status on {server.BaseAddress}");
        }

        string security = !router.UseTls ? "plain API: PASSWORD IN CLEAR"
            : router.AllowInsecureTls ? "API-SSL, UNVERIFIED TLS"
            : pinned is not null ? "API-SSL, pinned " + Path.GetFileName(args.CaFile)
            : "API-SSL, system trust store";
        if (router.AllowInsecureTls)
        {
            view.Header("!!! UNVERIFIED TLS: the router's certificate is not checked; anyone on the path can impersonate it and read the password !!!");
        }

        view.Header($"watching {router.Host}:{router.Port} ({security}), {(args.AllowReboot ? "reboots ALLOWED" : "read-only")}; Ctrl+C to stop");
        using var cancel = new CancellationTokenSource();
        CancellationToken token = stop ?? cancel.Token;
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            long end = args.DurationSeconds > 0 ? clock.NowMilliseconds + args.DurationSeconds * 1000L : long.MaxValue;
            while (!token.IsCancellationRequested && !cancel.IsCancellationRequested && clock.NowMilliseconds < end)
            {
                int wait = supervisor.Tick();
                token.WaitHandle.WaitOne(Math.Clamp(wait, 100, 1000));
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        routerOs.LastSession!.Close();
        view.Header("stopped");
        return 0;
    }

    /// <summary>
    /// The certificate to pin, from PEM holding the certificate only (a router's exported
    /// certificate, or its CA). A private key in the same file is ignored, never needed.
    /// </summary>
    internal static X509Certificate2 LoadCertificate(string path)
    {
        string pem = File.ReadAllText(path);
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("--ca " + path + ": no usable certificate in it (" + e.Message + ")");
        }
    }

    // Reads without echo when a terminal is attached; a line from standard input otherwise.
    private static string? PromptPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        Console.Error.Write("password: ");
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
