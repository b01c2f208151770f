using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// The firmware's RouterOS side as <c>Platform/Program.cs</c> wires it — one
    /// <see cref="RouterSession"/> with its <see cref="ApiClient"/>, a <see cref="RouterOsProbe"/>
    /// and a <see cref="RouterOsRebooter"/> — connected to a <see cref="ScriptedRouterOs"/> on
    /// the virtual clock.
    /// </summary>
    internal sealed class ProbeRig
    {
        public readonly ManualClock Clock = new ManualClock { NowMilliseconds = 1000000 };
        public readonly ScriptedRouterOs Router;
        public readonly WatchdogConfig Config;
        public readonly RouterSession Session;
        public readonly RouterOsProbe Probe;
        public readonly RouterOsRebooter Rebooter;
        public readonly HealthSample Sample;

        /// <summary>A plain-API router watching ether1, ether2 and a missing interface, pinging two targets.</summary>
        public ProbeRig()
            : this(Watching(new object[] { "ether1", "ether2", "nonexistent" }, new object[] { "1.1.1.1", "9.9.9.9" }), null)
        {
        }

        /// <summary>The rig for <paramref name="config"/> (its first router), with <paramref name="connection"/> buffer sizes (null: defaults).</summary>
        public ProbeRig(WatchdogConfig config, ConnectionOptions connection)
        {
            Config = config;
            Router = new ScriptedRouterOs(Clock);
            ClientOptions options = new ClientOptions();
            options.Clock = Clock;
            options.LoginTimeoutMilliseconds = config.ProbeTimeoutMilliseconds;
            if (connection != null)
            {
                options.Connection = connection;
            }

            Session = new RouterSession(config.Routers[0], Router, options);
            IHealthCheck[] checks;
            Sample = TestConfigs.NewSample(config, out checks);
            Probe = new RouterOsProbe(Session, config, Sample.Request);
            Rebooter = new RouterOsRebooter(Session, config);
        }

        /// <summary>A configuration of one plain-API router with the user and password the scripted router expects.</summary>
        public static WatchdogConfig Watching(object[] interfaces, object[] pingTargets)
        {
            RouterConfig router = new RouterConfig
            {
                Name = "r",
                Host = "192.0.2.1",
                Port = RouterConfig.ApiPort,
                UseTls = false,
                User = "watchdog",
                Password = "pw",
                Checks = new IHealthCheck[]
                {
                    new RequiredInterfacesCheck { Interfaces = interfaces },
                    new PingLossCheck { Targets = pingTargets, Count = 4 },
                },
            };
            return new WatchdogConfig { Routers = new RouterConfig[] { router }, ProbeTimeoutMilliseconds = 3000 };
        }

        /// <summary>One probe round into <see cref="Sample"/>, as the supervisor runs it.</summary>
        public HealthSample Round()
        {
            Sample.Reset();
            Probe.Probe(Sample);
            return Sample;
        }
    }
}
