namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// The demo's configuration, written once: the host runner plays it against the simulator
    /// (<c>Host/DemoRun.cs</c>) and the incident test replays it in virtual time. The firmware's
    /// rules with minutes made seconds, one router on the plain API with a relay.
    /// </summary>
    public static class DemoSettings
    {
        /// <summary>The API user the demo's router expects.</summary>
        public const string User = "watchdog";

        /// <summary>The demo's password (a simulated router's; never a real one's).</summary>
        public const string Password = "demo-only";

        /// <summary>The demo's configuration for a router at <paramref name="host"/>:<paramref name="port"/>.</summary>
        /// <param name="host">The simulated router's address.</param>
        /// <param name="port">Its plain API port.</param>
        /// <returns>A configuration that passes <see cref="WatchdogConfig.Validate"/>.</returns>
        public static WatchdogConfig Create(string host, int port)
        {
            RouterConfig router = new RouterConfig
            {
                Name = "demo",
                Host = host,
                Port = port,
                // A simulated router: plain API, explicitly allowed (a real router is reached
                // over API-SSL by default). Each plaintext connect is still logged.
                UseTls = false,
                AllowPlaintext = true,
                User = User,
                Password = Password,
                WatchedInterfaces = new string[] { "ether1" },
                PingTargets = new string[] { "1.1.1.1" },
                PingCount = 2,
                RelayGpioPin = 26,
            };

            return new WatchdogConfig
            {
                RelayPolarity = RelayPolarity.ActiveHigh,
                RelayContact = RelayContact.NormallyClosed,
                WifiSsid = "host",
                WifiPassword = "host-network",
                Routers = new RouterConfig[] { router },
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
    }
}
