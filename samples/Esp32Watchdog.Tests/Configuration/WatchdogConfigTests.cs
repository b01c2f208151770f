using Esp32Watchdog.Configuration;
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
            config.Routers[0].PingTargets = new string[0];
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
    }
}
