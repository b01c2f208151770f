using Esp32Watchdog.Configuration;
using Xunit;

namespace Esp32Watchdog.Tests
{
    public class WatchdogConfigTests
    {
        [Fact]
        public void ShippedSettingsAreRefusedUntilEdited()
        {
            var config = WatchdogSettings.Create();
            Assert.NotNull(config.Validate());
            Assert.Contains("Wi-Fi", config.Validate());
        }

        [Fact]
        public void ShippedSettingsStillRefusedWithOnlyWifiFilledIn()
        {
            var config = WatchdogSettings.Create();
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
            Assert.Null(config.Validate());
        }

        [Fact]
        public void ValidConfigPasses()
        {
            Assert.Null(TestConfigs.Valid().Validate());
        }

        [Fact]
        public void TlsWithoutCaNeedsExplicitInsecureOptIn()
        {
            var config = TestConfigs.Valid();
            config.Routers[0].CaCertificatePem = null;
            Assert.Contains("AllowInsecureTls", config.Validate());
            config.Routers[0].AllowInsecureTls = true;
            Assert.Null(config.Validate());
        }

        [Fact]
        public void PlainApiNeedsNoCertificate()
        {
            var config = TestConfigs.Valid();
            config.Routers[0].UseTls = false;
            config.Routers[0].Port = RouterConfig.ApiPort;
            config.Routers[0].CaCertificatePem = null;
            config.Routers[0].AllowPlaintext = true;
            Assert.Null(config.Validate());
        }

        [Fact]
        public void RefusesSingleRoundHysteresisAndDisorderedTimeouts()
        {
            var config = TestConfigs.Valid();
            config.UnhealthyRoundsBeforeAction = 1;
            Assert.NotNull(config.Validate());

            config = TestConfigs.Valid();
            config.PowerCycleAfterMilliseconds = config.RebootVerifyTimeoutMilliseconds - 1;
            Assert.NotNull(config.Validate());

            config = TestConfigs.Valid();
            config.UnreachableRoundsBeforePowerCycle = 2;
            Assert.NotNull(config.Validate());

            config = TestConfigs.Valid();
            config.MaxActionsPerWindow = 0;
            Assert.NotNull(config.Validate());
        }

        [Fact]
        public void RefusesNoRouters()
        {
            var config = TestConfigs.Valid();
            config.Routers = new RouterConfig[0];
            Assert.Equal("no router configured", config.Validate());
        }
    }
}
