using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Wiring
{
    /// <summary>
    /// A kind of router the watchdog can watch: makes the probe and the rebooter that speak to one
    /// router of that kind. <see cref="RouterConfig.Kind"/> names the kind of each router;
    /// <c>RouterOs/RouterOsKind</c> is the one the firmware ships.
    /// </summary>
    public interface IRouterKind
    {
        /// <summary>The name routers of this kind carry in <see cref="RouterConfig.Kind"/>, e.g. "routeros".</summary>
        string Name { get; }

        /// <summary>Makes the parts that reach one router (they may share a session).</summary>
        /// <param name="config">The watchdog's configuration.</param>
        /// <param name="log">The router's log: its configuration is <c>config.Routers[log.RouterIndex]</c>.</param>
        /// <param name="rebooter">Receives the router's rebooter.</param>
        /// <returns>The router's probe.</returns>
        IRouterProbe Create(WatchdogConfig config, RouterLog log, out IRouterRebooter rebooter);
    }
}
