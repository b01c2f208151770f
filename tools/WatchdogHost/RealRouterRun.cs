using System.Security.Cryptography.X509Certificates;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;
using RouterSim;

namespace WatchdogHost;

/// <summary>Watches a real router from the host, read-only unless reboots are allowed. No relay.</summary>
internal static class RealRouterRun
{
    internal static int Run(Arguments args, TextWriter output)
    {
        var simClock = new ScaledClock(1.0);
        IClock clock = new SimulatedClock(simClock);
        var view = new StatusView(clock, output);
        var router = new RouterConfig
        {
            Name = args.RouterName,
            Host = args.Host!,
            Port = args.Port ?? (args.Tls ? RouterConfig.ApiSslPort : RouterConfig.ApiPort),
            UseTls = args.Tls,
            AllowInsecureTls = args.Insecure,
            User = args.User,
            Password = args.Password,
            WatchedInterfaces = args.Interfaces,
            PingTargets = args.PingTargets,
        };
        var config = new WatchdogConfig { WifiSsid = "host", WifiPassword = "host-network", Routers = new[] { router } };
        config.ProbeIntervalMilliseconds = args.IntervalSeconds * 1000;

        X509Certificate2? pinned = args.CaFile is null ? null : X509Certificate2.CreateFromPemFile(args.CaFile);
        var options = new ClientOptions { Clock = clock, LoginTimeoutMilliseconds = config.ProbeTimeoutMilliseconds };
        var session = new RouterSession(router, new HostTransportFactory(config.ProbeTimeoutMilliseconds, pinned), options);
        var status = new WatchdogStatus(config, new RecordingLog(view), clock);
        IRouterRebooter rebooter = args.AllowReboot ? new RouterOsRebooter(session, config, status, 0) : new ReadOnlyRebooter(view);
        var supervisor = new WatchdogSupervisor(
            config,
            new IRouterProbe[] { new StatusProbe(new ReportingProbe(new RouterOsProbe(session, config), router.Name, view), status, 0) },
            new[] { rebooter },
            new IPowerRelay[] { new AbsentRelay(view) },
            new ConsoleLed(view), status, new HostNetwork(), clock, null);
        using HostStatusServer? server = args.StatusPort is int port ? HostStatusServer.Start(port, status, 1) : null;
        if (server is not null)
        {
            view.Header($"status on {server.BaseAddress}");
        }

        view.Header($"watching {router.Host}:{router.Port} ({(router.UseTls ? "API-SSL" : "API")}), {(args.AllowReboot ? "reboots ALLOWED" : "read-only")}; Ctrl+C to stop");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        long end = args.DurationSeconds > 0 ? clock.NowMilliseconds + args.DurationSeconds * 1000L : long.MaxValue;
        while (!stop.IsCancellationRequested && clock.NowMilliseconds < end)
        {
            int wait = supervisor.Tick();
            status.Capture(supervisor);
            stop.Token.WaitHandle.WaitOne(Math.Clamp(wait, 100, 1000));
        }

        session.Close();
        view.Header("stopped");
        return 0;
    }
}
