using Esp32Watchdog.Configuration;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using RouterSim;

namespace WatchdogHost;

/// <summary>
/// The README's main job: the watchdog's own logic, probe and client, against the built-in
/// simulator playing a scripted incident in simulated time. Healthy; CPU pegged until the
/// watchdog reboots the router through the API; recovery. Then the whole router hangs (the API
/// socket stays open, nothing comes back, and its second port is silent too); the watchdog
/// power-cycles it through the (simulated) relay; recovery.
/// </summary>
internal static class DemoRun
{
    /// <summary>The incident, in the simulator's scenario format (simulated time).</summary>
    internal const string Incident = """
        0s   ping-loss 1.1.1.1 0
        30s  log system,warning cpu overloaded
        30s  cpu-load 100
        150s log system,error kernel hung
        150s wedged on
        """;

    /// <summary>The decisions the incident must produce, in order.</summary>
    internal static readonly DecisionCode[] Expected =
    {
        DecisionCode.HealthDegraded, DecisionCode.RebootRequested, DecisionCode.RebootAccepted, DecisionCode.RecoveryVerified,
        DecisionCode.HealthDegraded, DecisionCode.PowerCycleRequested, DecisionCode.PowerCycleDone, DecisionCode.RecoveryVerified,
    };

    /// <summary>
    /// The demo's verdict on its decisions: the <see cref="Expected"/> ones in order, and nothing else
    /// but not-counted probe problems. One may appear when the simulated router's API listener comes
    /// back a moment after its other ports at the end of a boot (seen under load): the board then
    /// reports "API service down" and cuts nothing, as it should.
    /// </summary>
    internal static bool IsAsExpected(IEnumerable<Decision> decisions) =>
        decisions.Where(d => Expected.Contains(d.Code)).Select(d => d.Code).SequenceEqual(Expected)
        && decisions.All(d => Expected.Contains(d.Code) || d.Code == DecisionCode.ProbeProblem);

    /// <summary>The watchdog configuration of the demo (Configuration/DemoSettings, shared with the incident test).</summary>
    internal static WatchdogConfig Config(int port) => DemoSettings.Create("127.0.0.1", port);

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
            Users = new(StringComparer.Ordinal) { [DemoSettings.User] = DemoSettings.Password },
            RebootDowntime = TimeSpan.FromSeconds(20),
        });
        sim.Start();
        view.Header($"simulated router on 127.0.0.1:{sim.Port} (RouterOS {sim.Options.RosVersion}), time x{timeScale}");
        sim.Rebooted += () => view.Note("router: booted again (uptime reset)");
        sim.State.Log.Changed += (row, removed) => ShowWatchdogLogLine(view, row, removed);
        var runner = sim.RunScenario(Scenario.Parse(Incident));

        WatchdogConfig config = Config(sim.Port);
        var log = new RecordingLog(view);
        var relay = new SimulatedRelay(sim, view);
        var routerOs = new RouterOsKind(new HostTransportFactory(2000, null), clock, null, 20);
        var board = new WatchdogBoard { Clock = clock, Led = new ConsoleLed(view), Network = new HostNetwork(), Relays = new IPowerRelay[] { relay }, PortKnock = new SimulatedPortKnock(sim, view) };
        var watchdog = WatchdogAssembly.Build(config, board, new IRouterKind[] { new ShownRounds(routerOs, view) }, log);
        WatchdogSupervisor supervisor = watchdog.Supervisor;
        WatchdogStatus status = watchdog.Status;

        // The firmware's action-history store in files, as on the board's flash; a new folder per
        // run (a board fresh from the box), so the demo's decisions do not depend on an earlier run.
        DirectoryInfo history = Directory.CreateTempSubdirectory("esp32watchdog-demo-");
        string? refused = supervisor.AttachHistory(new FlashHistoryStore(new FolderFlashFiles(history.FullName), config));
        if (refused is not null)
        {
            throw new InvalidOperationException("configuration refused: " + refused);
        }

        using HostStatusServer? server = statusPort is int port ? HostStatusServer.Start(port, status) : null;
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
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Clamp(wait, 50, 1000) / timeScale));
        }

        routerOs.LastSession!.Close();
        history.Delete(recursive: true);
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
        bool asExpected = IsAsExpected(log.Decisions);
        view.Header("summary");
        view.Note($"decisions: {log.Decisions.Count}; router boots: {sim.BootCount}; relay power-cycles: {relay.Cycles}; scenario complete: {runner.IsComplete}");
        view.Note("sequence: " + string.Join(" > ", codes.Select(c => Decision.NameOf(c))));
        view.Note(asExpected ? "result: both incidents detected, acted on and recovered, as expected" : "result: UNEXPECTED sequence");
    }
}
