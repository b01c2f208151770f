using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Wiring;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A router kind that hands out the test's own probes and rebooters (fakes, simulated
    /// routers), one per router in the configuration's order, under the configuration's kind name.
    /// </summary>
    internal sealed class FixedKind : IRouterKind
    {
        private readonly IRouterProbe[] _probes;
        private readonly IRouterRebooter[] _rebooters;

        public FixedKind(IRouterProbe[] probes, IRouterRebooter[] rebooters)
        {
            _probes = probes;
            _rebooters = rebooters;
        }

        public string Name
        {
            get { return RouterConfig.RouterOsKind; }
        }

        public IRouterProbe Create(WatchdogConfig config, RouterLog log, out IRouterRebooter rebooter)
        {
            rebooter = _rebooters[log.RouterIndex];
            return _probes[log.RouterIndex];
        }

        /// <summary>The watchdog over one router whose probe, rebooter (and relay, when given) is <paramref name="router"/>.</summary>
        public static Watchdog Build(WatchdogConfig config, SimRouter router, IPowerRelay relay, WatchdogBoard board, IDecisionLog log)
        {
            board.Relays = new IPowerRelay[] { relay };
            return WatchdogAssembly.Build(config, board, new IRouterKind[] { new FixedKind(new IRouterProbe[] { router }, new IRouterRebooter[] { router }) }, log);
        }
    }
}
