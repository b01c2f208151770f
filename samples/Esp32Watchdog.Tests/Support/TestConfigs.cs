using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Wiring;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>Valid configurations and sample builders shared by the tests.</summary>
    internal static class TestConfigs
    {
        public const string Pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

        /// <summary>One router over API-SSL with the default checks (cpu-load, free memory), two required interfaces, two ping targets and a relay on <paramref name="relayPin"/> (-1: none).</summary>
        public static WatchdogConfig Valid(int relayPin = 26)
        {
            RouterConfig router = new RouterConfig
            {
                Name = "main",
                Host = "192.0.2.1",
                Port = RouterConfig.ApiSslPort,
                UseTls = true,
                CaCertificatePem = Pem,
                User = "watchdog",
                Password = "s3cret-for-tests",
                Checks = new IHealthCheck[]
                {
                    new RequiredInterfacesCheck { Interfaces = new object[] { "ether1", "wlan1" } },
                    new PingLossCheck { Targets = new object[] { "192.0.2.254", "198.51.100.1" } },
                },
                RelayGpioPin = relayPin,
            };
            return new WatchdogConfig
            {
                WifiSsid = "lab",
                WifiPassword = "wifi-pass",
                Routers = new RouterConfig[] { router },

                // Most tests start with the board long up; the grace has its own tests.
                StartupGraceMilliseconds = 0,
                RelayPolarity = RelayPolarity.ActiveHigh,
                RelayContact = RelayContact.NormallyClosed,
                Board = new BoardConfig { ExternalWatchdogGpioPin = 32 },
            };
        }

        /// <summary>The default cpu-load check of <paramref name="config"/> (its thresholds).</summary>
        public static CpuLoadCheck Cpu(WatchdogConfig config)
        {
            return (CpuLoadCheck)config.Checks[0];
        }

        /// <summary>A sample for the first router of <paramref name="config"/>, sized by its checks, as the assembly makes it.</summary>
        public static HealthSample NewSample(WatchdogConfig config, out IHealthCheck[] checks)
        {
            ProbeRequest request;
            checks = WatchdogAssembly.DeclareChecks(config, config.Routers[0], out request);
            return new HealthSample(request);
        }

        /// <summary>A sample for the first router of <see cref="Valid"/>.</summary>
        public static HealthSample NewSample()
        {
            IHealthCheck[] checks;
            return NewSample(Valid(), out checks);
        }

        /// <summary>A fully healthy sample.</summary>
        public static void Healthy(HealthSample s, long uptimeSeconds, int cpu = 10)
        {
            s.Reset();
            s.MarkLoggedIn();
            FillHealthy(s, uptimeSeconds, cpu);
        }

        /// <summary>Fills what a healthy router reports into a logged-in sample: whatever its checks asked for.</summary>
        public static void FillHealthy(HealthSample s, long uptimeSeconds, int cpu)
        {
            s.UptimeSeconds = uptimeSeconds;
            Set(s, "cpu-load", cpu);
            Set(s, "free-memory", 40L * 1024 * 1024);
            Set(s, "total-memory", 128L * 1024 * 1024);
            for (int i = 0; i < s.Request.InterfaceCount; i++)
            {
                s.SetInterfaceRunning(i, true);
            }

            for (int i = 0; i < s.Request.PingTargetCount; i++)
            {
                s.SetPingLoss(i, 0);
            }
        }

        /// <summary>Sets a resource value by name (nothing when no check asked for it).</summary>
        public static void Set(HealthSample s, string resource, long value)
        {
            s.SetResource(s.Request.ResourceSlot(resource), value);
        }

        /// <summary>Marks an interface not running by name.</summary>
        public static void InterfaceDown(HealthSample s, string name)
        {
            s.SetInterfaceRunning(s.Request.InterfaceSlot(name), false);
        }

        /// <summary>A sample of a round in which the API could not be used.</summary>
        public static void Unreachable(HealthSample s, ProbeFailure failure = ProbeFailure.Timeout)
        {
            s.Reset();
            s.MarkFailed(failure, null);
        }
    }
}
