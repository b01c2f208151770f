using System.Security.Cryptography.X509Certificates;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using Mikrotik.Nano.Host;
using RouterSim;

namespace WatchdogHost;

/// <summary>The watchdog's clock on the host: the simulator's (possibly scaled) time, in milliseconds.</summary>
internal sealed class SimulatedClock(ISimClock clock) : IClock
{
    public long NowMilliseconds => (long)clock.Now.TotalMilliseconds;
}

/// <summary>Opens TCP or TLS connections from the host, honouring the router's certificate settings.</summary>
internal sealed class HostTransportFactory(int timeoutMilliseconds, X509Certificate2? pinned) : ITransportFactory
{
    public ITransport Open(RouterConfig router)
    {
        if (!router.UseTls)
        {
            return TcpTransport.Connect(router.Host, router.Port, timeoutMilliseconds);
        }

        var options = new TlsOptions { AllowAnyCertificate = router.AllowInsecureTls, PinnedCertificate = pinned };
        return TlsTransport.Connect(router.Host, router.Port, options, timeoutMilliseconds);
    }
}

/// <summary>The relay of the demo: cutting the power clears whatever hung the simulated router and boots it again.</summary>
internal sealed class SimulatedRelay(RouterSimulator sim, StatusView view) : IPowerRelay
{
    public int Cycles { get; private set; }

    public void PowerCycle(int offMilliseconds)
    {
        Cycles++;
        view.Note("relay: power off for " + offMilliseconds / 1000 + " s, then on");
        sim.Faults.Clear();
        _ = sim.RebootAsync();
    }
}

/// <summary>No relay wired (a real router watched from the host): power-cycling is impossible and says so.</summary>
internal sealed class AbsentRelay(StatusView view) : IPowerRelay
{
    public void PowerCycle(int offMilliseconds) => view.Note("relay: none on the host; power-cycle skipped");
}

/// <summary>Read-only watching of a real router: a reboot is logged and refused unless --allow-reboot.</summary>
internal sealed class ReadOnlyRebooter(StatusView view) : IRouterRebooter
{
    public RebootResult Reboot(Decision request)
    {
        view.Note("reboot NOT sent: read-only (pass --allow-reboot to act)");
        return RebootResult.Failed;
    }
}

/// <summary>The board's own network on the host: always up.</summary>
internal sealed class HostNetwork : INetworkStatus
{
    public bool IsUp => true;
}

/// <summary>Prints each probe round as a status line.</summary>
internal sealed class ReportingProbe(IRouterProbe inner, string name, StatusView view) : IRouterProbe
{
    public void Probe(HealthSample sample)
    {
        inner.Probe(sample);
        view.Round(name, sample);
    }
}

/// <summary>
/// A router kind whose rounds are printed (<see cref="ReportingProbe"/>) and, when read-only,
/// whose reboots are refused (<see cref="ReadOnlyRebooter"/>).
/// </summary>
internal sealed class ShownRounds(IRouterKind inner, StatusView view) : IRouterKind
{
    public bool ReadOnly { get; init; }

    public string Name => inner.Name;

    public IRouterProbe Create(WatchdogConfig config, RouterLog log, out IRouterRebooter rebooter)
    {
        IRouterProbe probe = inner.Create(config, log, out rebooter);
        if (ReadOnly)
        {
            rebooter = new ReadOnlyRebooter(view);
        }

        return new ReportingProbe(probe, log.RouterName, view);
    }
}

/// <summary>
/// Keeps every decision, and shows it. A plaintext-connect warning is shown, not kept: it is
/// about the connection, not the router's health (the demo's sequence is the health's).
/// </summary>
internal sealed class RecordingLog(StatusView view) : IDecisionLog
{
    private readonly List<Decision> _decisions = new();

    public IReadOnlyList<Decision> Decisions
    {
        get
        {
            lock (_decisions)
            {
                return _decisions.ToArray();
            }
        }
    }

    public void Record(Decision decision)
    {
        if (decision.Code != DecisionCode.PlaintextConnect)
        {
            lock (_decisions)
            {
                _decisions.Add(decision);
            }
        }

        view.Decision(decision);
    }
}

/// <summary>The status LED, shown as a word when it changes.</summary>
internal sealed class ConsoleLed(StatusView view) : IStatusLed
{
    private LedPattern? _last;

    public void Show(LedPattern pattern)
    {
        if (_last != pattern)
        {
            _last = pattern;
            view.Note("LED: " + pattern);
        }
    }
}
