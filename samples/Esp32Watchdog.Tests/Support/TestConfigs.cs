using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>Valid configurations and sample builders shared by the tests.</summary>
    internal static class TestConfigs
    {
        public const string Pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

        /// <summary>One router over API-SSL with two watched interfaces, two ping targets and a relay on <paramref name="relayPin"/> (-1: none).</summary>
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
                WatchedInterfaces = new string[] { "ether1", "wlan1" },
                PingTargets = new string[] { "192.0.2.254", "198.51.100.1" },
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

        /// <summary>A fully healthy sample.</summary>
        public static void Healthy(HealthSample s, long uptimeSeconds, int cpu = 10)
        {
            s.Reset();
            s.MarkLoggedIn();
            s.CpuLoadPercent = cpu;
            s.FreeMemoryBytes = 40L * 1024 * 1024;
            s.TotalMemoryBytes = 128L * 1024 * 1024;
            s.UptimeSeconds = uptimeSeconds;
            for (int i = 0; i < s.PingTargetCount; i++)
            {
                s.SetPingLoss(i, 0);
            }
        }

        /// <summary>A sample of a round in which the API could not be used.</summary>
        public static void Unreachable(HealthSample s, ProbeFailure failure = ProbeFailure.Timeout)
        {
            s.Reset();
            s.MarkFailed(failure, null);
        }
    }
}
