using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Configuration
{
    /// <summary>The firmware refuses to start with placeholders, unsafe TLS or disordered rules.</summary>
    [TestClass]
    public class WatchdogConfigTests
    {
        /// <summary>Shipped settings are refused until edited.</summary>
        [TestMethod]
        public static void ShippedSettingsAreRefusedUntilEdited()
        {
            WatchdogConfig config = WatchdogSettings.Create();
            Assert.IsNotNull(config.Validate());
            Assert.Contains("Wi-Fi", config.Validate());
        }

        /// <summary>Shipped settings still refused with only wifi filled in.</summary>
        [TestMethod]
        public static void ShippedSettingsStillRefusedWithOnlyWifiFilledIn()
        {
            WatchdogConfig config = WatchdogSettings.Create();
            config.WifiSsid = "home";
            config.WifiPassword = "pw";
            Assert.Contains("host not set", config.Validate());
            config.Routers[0].Host = "192.0.2.1";
            Assert.Contains("user not set", config.Validate());
            config.Routers[0].User = "wd";
            Assert.Contains("password not set", config.Validate());
            config.Routers[0].Password = "pw";
            Assert.Contains("CA certificate", config.Validate());
            config.Routers[0].CaCertificatePem = TestConfigs.Pem;
            Assert.Contains("ping target", config.Validate());
            ((PingLossCheck)config.Routers[0].Checks[1]).Targets = new object[] { "192.0.2.254" };
            Assert.Contains("relay polarity not set", config.Validate());
            config.RelayPolarity = RelayPolarity.ActiveLow;
            Assert.Contains("relay contact not set", config.Validate());
            config.RelayContact = RelayContact.NormallyClosed;
            Assert.Contains("external watchdog", config.Validate());
            config.Board.ExternalWatchdogGpioPin = 32;
            Assert.IsNull(config.Validate());
        }

        /// <summary>Valid config passes.</summary>
        [TestMethod]
        public static void ValidConfigPasses()
        {
            Assert.IsNull(TestConfigs.Valid().Validate());
        }

        /// <summary>Tls without ca needs explicit insecure opt in.</summary>
        [TestMethod]
        public static void TlsWithoutCaNeedsExplicitInsecureOptIn()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].CaCertificatePem = null;
            Assert.Contains("AllowInsecureTls", config.Validate());
            config.Routers[0].AllowInsecureTls = true;
            Assert.IsNull(config.Validate());
        }

        /// <summary>Plain API needs no certificate.</summary>
        [TestMethod]
        public static void PlainApiNeedsNoCertificate()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].UseTls = false;
            config.Routers[0].Port = RouterConfig.ApiPort;
            config.Routers[0].CaCertificatePem = null;
            config.Routers[0].AllowPlaintext = true;
            Assert.IsNull(config.Validate());
        }

        /// <summary>Refuses single round hysteresis and disordered timeouts.</summary>
        [TestMethod]
        public static void RefusesSingleRoundHysteresisAndDisorderedTimeouts()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.UnhealthyRoundsBeforeAction = 1;
            Assert.IsNotNull(config.Validate());

            config = TestConfigs.Valid();
            config.PowerCycleAfterMilliseconds = config.RebootVerifyTimeoutMilliseconds - 1;
            Assert.IsNotNull(config.Validate());

            config = TestConfigs.Valid();
            config.UnreachableRoundsBeforePowerCycle = 2;
            Assert.IsNotNull(config.Validate());

            config = TestConfigs.Valid();
            config.MaxActionsPerWindow = 0;
            Assert.IsNotNull(config.Validate());
        }

        /// <summary>Refuses no routers.</summary>
        [TestMethod]
        public static void RefusesNoRouters()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers = new RouterConfig[0];
            Assert.AreEqual("no router configured", config.Validate());
        }

        /// <summary>Every router gets its own copy of each default check; a router's check of the same name takes its place, the others are added.</summary>
        [TestMethod]
        public static void RouterChecksReplaceDefaultsByNameAndAddTheRest()
        {
            WatchdogConfig config = TestConfigs.Valid();
            FreeMemoryFloorCheck floor = new FreeMemoryFloorCheck { MinFreeBytes = 16L * 1024 * 1024, MinFreePercent = 0 };
            IHealthCheck[] own = config.Routers[0].Checks;
            config.Routers[0].Checks = new IHealthCheck[] { own[0], floor, own[1] };
            Assert.IsNull(config.Validate());

            IHealthCheck[] checks = config.ChecksFor(config.Routers[0]);
            Assert.AreEqual(4, checks.Length);
            Assert.AreEqual("cpu-load", checks[0].Name);
            Assert.IsFalse(object.ReferenceEquals(config.Checks[0], checks[0]), "a default must be copied, not shared");
            Assert.AreEqual(TestConfigs.Cpu(config).ThresholdPercent, ((CpuLoadCheck)checks[0]).ThresholdPercent);
            Assert.AreSame(floor, checks[1]);
            Assert.AreSame(own[0], checks[2]);
            Assert.AreSame(own[1], checks[3]);
            Assert.IsFalse(object.ReferenceEquals(checks[0], config.ChecksFor(config.Routers[0])[0]), "each call gives fresh copies");
        }

        /// <summary>Every threshold is checked, in the defaults and per router, and the message names the router and the check.</summary>
        [TestMethod]
        public static void CheckThresholdsAreValidated()
        {
            WatchdogConfig config = TestConfigs.Valid();
            TestConfigs.Cpu(config).ConsecutiveSamples = 0;
            Assert.AreEqual("default checks: check cpu-load: cpu-load threshold or samples out of range", config.Validate());

            config = TestConfigs.Valid();
            config.Routers[0].Checks = new IHealthCheck[] { new FreeMemoryFloorCheck { MinFreePercent = 100 } };
            Assert.AreEqual("router main: check free-memory: free-memory floor out of range (percent 0-99, bytes 0 or more)", config.Validate());

            config.Routers[0].Checks = new IHealthCheck[] { new PingLossCheck { Targets = new object[] { "192.0.2.254" }, Count = 11 } };
            Assert.AreEqual("router main: check ping-loss: ping count out of range (1-10)", config.Validate());

            config.Routers[0].Checks = new IHealthCheck[] { new PingLossCheck { Targets = new object[] { "192.0.2.254" }, MaxLossPercent = 100 } };
            Assert.AreEqual("router main: check ping-loss: ping-loss threshold out of range (0-99)", config.Validate());

            config.Routers[0].Checks = new IHealthCheck[] { new RequiredInterfacesCheck { Name = "uplink" } };
            Assert.AreEqual("router main: check uplink: no interface listed", config.Validate());
        }

        /// <summary>Names must be unique in a list and safe as JSON keys and metric labels; a check object belongs to one router.</summary>
        [TestMethod]
        public static void CheckRegistrationsAreRefusedWhenAmbiguous()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].Checks = new IHealthCheck[]
            {
                new RequiredInterfacesCheck { Interfaces = new object[] { "ether1" } },
                new RequiredInterfacesCheck { Interfaces = new object[] { "lte1" } },
            };
            Assert.AreEqual("router main: check interfaces registered twice", config.Validate());

            config.Routers[0].Checks = new IHealthCheck[] { new RequiredInterfacesCheck { Name = "Uplink", Interfaces = new object[] { "lte1" } } };
            Assert.AreEqual("router main: check Uplink: check name may hold only a-z, 0-9 and '-'", config.Validate());

            config.Routers[0].Checks = new IHealthCheck[] { null };
            Assert.AreEqual("router main: check #0 missing", config.Validate());

            config = TestConfigs.Valid();
            RouterConfig second = TestConfigs.Valid().Routers[0];
            second.Name = "second";
            second.Checks = new IHealthCheck[] { config.Routers[0].Checks[0] };
            config.Routers = new RouterConfig[] { config.Routers[0], second };
            Assert.Contains("check interfaces registered for two routers", config.Validate());
        }
    }
}
