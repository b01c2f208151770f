using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// One watched router, all in one place: its configuration, the parts that reach it (probe,
    /// rebooter, relay), its policy, the sample its rounds fill and when the next round is due.
    /// Built once by the assembly point (<c>Wiring/WatchdogAssembly</c>); the supervisor holds an
    /// array of these and nothing else per router.
    /// </summary>
    public sealed class WatchedRouter
    {
        /// <summary>Creates the record of one router; its policy is created here.</summary>
        /// <param name="config">The watchdog's configuration.</param>
        /// <param name="log">The router's log (its position and name).</param>
        /// <param name="probe">Takes its health samples.</param>
        /// <param name="rebooter">Reboots it through its API.</param>
        /// <param name="relay">Cuts its power; null when it has none.</param>
        public WatchedRouter(WatchdogConfig config, RouterLog log, IRouterProbe probe, IRouterRebooter rebooter, IPowerRelay relay)
        {
            Config = config.Routers[log.RouterIndex];
            Log = log;
            Probe = probe;
            Rebooter = rebooter;
            Relay = relay;
            Policy = new RouterPolicy(config, Config, relay != null, log);
            Sample = Config.CreateSample();
        }

        /// <summary>The router's configuration.</summary>
        public RouterConfig Config { get; }

        /// <summary>The router's log; its <see cref="RouterLog.RouterIndex"/> is the router's position in the configuration.</summary>
        public RouterLog Log { get; }

        /// <summary>Takes the router's health samples.</summary>
        public IRouterProbe Probe { get; }

        /// <summary>Reboots the router through its API.</summary>
        public IRouterRebooter Rebooter { get; }

        /// <summary>Cuts the router's power; null when it has no relay.</summary>
        public IPowerRelay Relay { get; }

        /// <summary>The router's decision logic.</summary>
        public RouterPolicy Policy { get; }

        /// <summary>The last round's results (reused every round).</summary>
        public HealthSample Sample { get; }

        /// <summary>Monotonic time of the last round (when its probe finished).</summary>
        public long SampleAtMilliseconds { get; internal set; }

        /// <summary>Monotonic time the next round is due.</summary>
        public long NextProbeAtMilliseconds { get; internal set; }
    }
}
