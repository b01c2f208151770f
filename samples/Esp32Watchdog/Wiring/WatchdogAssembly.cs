using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Wiring
{
    /// <summary>
    /// The one place the watchdog is put together: the firmware (<c>Platform/Program.cs</c>), the
    /// host runner and every test rig call <see cref="Build"/>, so what is tested is what ships.
    /// </summary>
    public static class WatchdogAssembly
    {
        /// <summary>
        /// Builds the watchdog: per router, its log, its relay, the probe and rebooter of its kind
        /// and its policy; the status in front of <paramref name="log"/>, observing every round;
        /// and the supervisor over them.
        /// </summary>
        /// <param name="config">A configuration that passed <see cref="WatchdogConfig.Validate"/>.</param>
        /// <param name="board">The board's clock, LED, network, relays and board watchdog.</param>
        /// <param name="routerKinds">The kinds of router that can be watched (<see cref="RouterConfig.Kind"/> picks one).</param>
        /// <param name="log">Where decisions go after the status (console, syslog); may be null.</param>
        /// <returns>The supervisor and its status.</returns>
        /// <exception cref="ArgumentException">A router's kind is not among <paramref name="routerKinds"/>, or the relays do not match the routers.</exception>
        public static Watchdog Build(WatchdogConfig config, WatchdogBoard board, IRouterKind[] routerKinds, IDecisionLog log)
        {
            if (config == null || board == null || routerKinds == null)
            {
                throw new ArgumentNullException();
            }

            int count = config.Routers.Length;
            if (board.Relays != null && board.Relays.Length != count)
            {
                throw new ArgumentException("one relay slot per router");
            }

            WatchdogStatus status = new WatchdogStatus(config, log, board.Clock);
            WatchedRouter[] routers = new WatchedRouter[count];
            for (int i = 0; i < count; i++)
            {
                RouterConfig router = config.Routers[i];
                IRouterKind kind = KindOf(router, routerKinds);
                IPowerRelay relay = board.Relays == null ? null : board.Relays[i];
                RouterLog routerLog = new RouterLog(status, i, router.Name);
                IRouterRebooter rebooter;
                IRouterProbe probe = kind.Create(config, routerLog, out rebooter);
                routers[i] = new WatchedRouter(config, routerLog, probe, rebooter, relay);
            }

            WatchdogSupervisor supervisor = new WatchdogSupervisor(
                config, routers, status, board.Led, status, board.Network, board.Clock, board.BoardWatchdog);
            return new Watchdog(supervisor, status);
        }

        private static IRouterKind KindOf(RouterConfig router, IRouterKind[] kinds)
        {
            for (int k = 0; k < kinds.Length; k++)
            {
                if (kinds[k] != null && kinds[k].Name == router.Kind)
                {
                    return kinds[k];
                }
            }

            throw new ArgumentException("router " + router.Name + ": no router kind named " + router.Kind);
        }
    }
}
