using Esp32Watchdog.Ports;
using RouterSim;

namespace WatchdogHost;

/// <summary>
/// The second-port check against the in-process simulator: a router that is rebooting (until its
/// API listens again) or wedged answers on no port; otherwise its kernel answers, also while its
/// API refuses connections on purpose (a real loopback port cannot be made silent, only refused,
/// which is an answer).
/// </summary>
internal sealed class SimulatedPortKnock(RouterSimulator sim, StatusView view) : IPortKnock
{
    public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
    {
        bool silent = sim.IsRebooting || sim.Faults.Wedged || (!sim.IsListening && !sim.Faults.RefuseConnections);
        view.Note($"board: port {port} of the router {(silent ? "is silent too" : "answers")}");
        return silent ? PortAnswer.Silent : PortAnswer.Answered;
    }
}
