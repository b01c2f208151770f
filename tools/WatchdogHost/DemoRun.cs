using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;
using RouterSim;

namespace WatchdogHost;

/// <summary>
/// The README's main job: the watchdog's own logic, probe and client, against the built-in
/// simulator playing a scripted incident in simulated time. Healthy; CPU pegged until the
/// watchdog reboots the router through the API; recovery. Then the API stops answering (the
/// socket stays open, nothing comes back); the watchdog power-cycles it through the (simulated)
/// relay; recovery.
/// </summary>
internal static class DemoRun
{
    /// <summary>The incident, in the simulator's scenario format (simulated time).</summary>
    internal const string Incident = """
        0s   ping-loss 1.1.1.1 0
        30s  log system,warning cpu overloaded
        30s  cpu-load 100
        150s log system,error api service stopped answering
        150s stall on
        """;

    /// <summary>The decisions the incident must produce, in order.</summary>
    internal static readonly DecisionCode[] Expected =
    {
        DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified,
        DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified,
    };

    /// <summary>The watchdog configuration of the demo: the firmware's rules with minutes made seconds.</summary>
    internal static WatchdogConfig Config(int port)
    {
        var router = new RouterConfig
        {
            Name = "demo",
            Host = "127.0.0.1",
            Port = port,
            // The in-process simulator on loopback: plain API, explicitly allowed (a real router
            // is reached over API-SSL by default). Each plaintext connect is still logged.
            UseTls = false,
            AllowPlaintext = true,
            User = "watchdog",
            Password = "demo-only",
            WatchedInterfaces = new[] { "ether1" },
            PingTargets = new[] { "1.1.1.1" },
            PingCount = 2,
            RelayGpioPin = 26,
        };

        return new WatchdogConfig
        {
            RelayPolarity = RelayPolarity.ActiveHigh,
            RelayContact = RelayContact.NormallyClosed,
            WifiSsid = "host",
            WifiPassword = "host-network",
            Routers = new[] { router },
            ProbeIntervalMilliseconds = 5000,
            ProbeTimeoutMilliseconds = 10000,
            CpuLoadThresholdPercent = 90,
            CpuLoadConsecutiveSamples = 3,
            UnhealthyRoundsBeforeAction = 3,
            UnreachableRoundsBeforePowerCycle = 4,
            RebootVerifyTimeoutMilliseconds = 60000,
            PowerCycleAfterMilliseconds = 60000,
            PowerCycleVerifyTimeoutMilliseconds = 90000,
            RelayOffMilliseconds = 5000,
            MaxActionsPerWindow = 3,
            ActionWindowMilliseconds = 3600000,
            BackoffBaseMilliseconds = 30000,
            BackoffMaxMilliseconds = 120000,
            StartupGraceMilliseconds = 10000,
            HealthyResetMilliseconds = 300000,
        };
    }

    /// <summary>Runs the demo; returns the decisions made (the run ends by itself).</summary>
    /// <param name="timeScale">Simulated time per real time.</param>
    /// <param name="output">Where the live log goes.</param>
    /// <param name="statusPort">Serve GET /status and /metrics on this port (0: any free one); null: not at all.</param>
    /// <param name="statusStarted">Told the endpoint's address once it listens.</param>
    internal static IReadOnlyList<Decision> Run(double timeScale, TextWriter output, int? statusPort = null, Action<Uri>? statusStarted = null)
    {
        var simClock = new ScaledClock(timeScale);
        IClock clock = new SimulatedClock(simClock);
        var view = new StatusView(clock, output);
        using var sim = new RouterSimulator(new RouterSimulatorOptions
        {
            Port = 0,
            Clock = simClock,
            Users = new(StringComparer.Ordinal) { ["watchdog"] = "demo-only" },
            RebootDowntime = TimeSpan.FromSeconds(20),
        });
        sim.Start();
        view.Header($"simulated router on 127.0.0.1:{sim.Port} (RouterOS {sim.Options.RosVersion}), time x{timeScale}");
        sim.Rebooted += () => view.Note("router: booted again (uptime reset)");
        sim.State.Log.Changed += (row, removed) => ShowWatchdogLogLine(view, row, removed);
        var runner = sim.RunScenario(Scenario.Parse(Incident));

        WatchdogConfig config = Config(sim.Port);
        RouterConfig router = config.Routers[0];
        var options = new ClientOptions { Clock = clock, LoginTimeoutMilliseconds = config.ProbeTimeoutMilliseconds, ReadSliceMilliseconds = 20 };
        var log = new RecordingLog(view);
        var status = new WatchdogStatus(config, log, clock);
        var session = new RouterSession(router, new HostTransportFactory(2000, null), options, new ShownLog(view), 0);
        var relay = new SimulatedRelay(sim, view);
        var supervisor = new WatchdogSupervisor(
            config,
            new IRouterProbe[] { new StatusProbe(new ReportingProbe(new RouterOsProbe(session, config), router.Name, view), status, 0) },
            new IRouterRebooter[] { new RouterOsRebooter(session, config, status, 0) },
            new IPowerRelay[] { relay },
            new ConsoleLed(view), status, new HostNetwork(), clock, null);
        using HostStatusServer? server = statusPort is int port ? HostStatusServer.Start(port, status, config.Routers.Length) : null;
        if (server is not null)
        {
            view.Header($"status on {server.BaseAddress}");
            statusStarted?.Invoke(server.BaseAddress);
        }

        // Ends when the incident has played out, or after 10 simulated minutes whatever happened.
        long end = clock.NowMilliseconds + 600000;
        while (clock.NowMilliseconds < end && CountOf(log, DecisionCode.RecoveryVerified) < 2)
        {
            int wait = supervisor.Tick();
            status.Capture(supervisor);
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Clamp(wait, 50, 1000) / timeScale));
        }

        session.Close();
        Summary(view, log, relay, sim, runner);
        return log.Decisions;
    }

    // What the watchdog wrote to the router's own log (topics script,...), as an administrator would read it there.
    private static void ShowWatchdogLogLine(StatusView view, Row row, bool removed)
    {
        string? topics = row.Get("topics");
        if (!removed && topics is not null && topics.StartsWith("script,", StringComparison.Ordinal))
        {
            view.Note($"router log: {topics} {row.Get("message")}");
        }
    }

    private static int CountOf(RecordingLog log, DecisionCode code) => log.Decisions.Count(d => d.Code == code);

    private static void Summary(StatusView view, RecordingLog log, SimulatedRelay relay, RouterSimulator sim, ScenarioRunner runner)
    {
        var codes = log.Decisions.Where(d => Expected.Contains(d.Code)).Select(d => d.Code).ToArray();
        bool asExpected = codes.SequenceEqual(Expected);
        view.Header("summary");
        view.Note($"decisions: {log.Decisions.Count}; router boots: {sim.BootCount}; relay power-cycles: {relay.Cycles}; scenario complete: {runner.IsComplete}");
        view.Note("sequence: " + string.Join(" > ", codes.Select(c => Decision.NameOf(c))));
        view.Note(asExpected ? "result: both incidents detected, acted on and recovered, as expected" : "result: UNEXPECTED sequence");
    }
}
