using Esp32Watchdog.Configuration;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>
    /// The configuration check refuses what could cut a healthy router's power or leak its
    /// password: plaintext without an opt-in, a bad CA certificate, relay pins shared with the LED,
    /// the button, a strapping pin or another router, and a relay whose polarity or contact is unset.
    /// </summary>
    [TestClass]
    public class SafetyConfigTests
    {
        /// <summary>Plain API needs an explicit opt-in.</summary>
        [TestMethod]
        public static void PlainApiNeedsExplicitOptIn()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].UseTls = false;
            config.Routers[0].Port = RouterConfig.ApiPort;
            Assert.Contains("AllowPlaintext", config.Validate());
            config.Routers[0].AllowPlaintext = true;
            Assert.IsNull(config.Validate());
        }

        /// <summary>A damaged CA certificate stops the board at the configuration check.</summary>
        [TestMethod]
        [DataRow("-----BEGIN CERTIFICATE-----\nMIIB")]
        [DataRow("-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----")]
        [DataRow("-----BEGIN CERTIFICATE-----\nMI!B\n-----END CERTIFICATE-----")]
        [DataRow("-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----")]
        [DataRow("-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----")]
        [DataRow("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")]
        public static void BadCaPemIsRefused(string pem)
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].CaCertificatePem = pem;
            string problem = config.Validate();
            Assert.IsNotNull(problem);
            Assert.Contains("CA certificate", problem);
        }

        /// <summary>A chain of certificates passes the structural check.</summary>
        [TestMethod]
        public static void CertificateChainPemPasses()
        {
            Assert.IsNull(PemCertificate.Check(TestConfigs.Pem + "\n" + TestConfigs.Pem));
            Assert.IsNull(PemCertificate.Check("-----BEGIN CERTIFICATE-----\r\nMIIBAA==\r\n-----END CERTIFICATE-----\r\n"));
        }

        /// <summary>The relay may not share the LED's pin (the default LED is GPIO 2) or the button's.</summary>
        [TestMethod]
        public static void RelayOnLedOrButtonPinIsRefused()
        {
            WatchdogConfig config = TestConfigs.Valid(2);
            Assert.Contains("LED or button", config.Validate());

            config = TestConfigs.Valid(4);
            config.AcknowledgeButtonGpioPin = 4;
            Assert.Contains("LED or button", config.Validate());
        }

        /// <summary>Strapping, flash, input-only and missing pins cannot carry a relay.</summary>
        [TestMethod]
        [DataRow(0)]
        [DataRow(5)]
        [DataRow(12)]
        [DataRow(15)]
        [DataRow(6)]
        [DataRow(11)]
        [DataRow(20)]
        [DataRow(34)]
        [DataRow(39)]
        [DataRow(40)]
        public static void UnsafeRelayPinsAreRefused(int pin)
        {
            WatchdogConfig config = TestConfigs.Valid(pin);
            config.AcknowledgeButtonGpioPin = -1;
            config.LedGpioPin = -1;
            Assert.Contains("relay pin " + pin.ToString(), config.Validate());
        }

        /// <summary>Usual relay pins pass.</summary>
        [TestMethod]
        [DataRow(25)]
        [DataRow(13)]
        [DataRow(26)]
        [DataRow(33)]
        public static void UsualRelayPinsPass(int pin)
        {
            Assert.IsNull(TestConfigs.Valid(pin).Validate());
        }

        /// <summary>Two routers on one relay are refused.</summary>
        [TestMethod]
        public static void TwoRoutersOnOneRelayAreRefused()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            RouterConfig second = new RouterConfig
            {
                Name = "branch",
                Host = "192.0.2.2",
                CaCertificatePem = TestConfigs.Pem,
                User = "wd",
                Password = "pw",
                RelayGpioPin = 26,
            };
            config.Routers = new RouterConfig[] { config.Routers[0], second };
            Assert.Contains("shared with router main", config.Validate());
            second.RelayGpioPin = 27;
            Assert.IsNull(config.Validate());
        }

        /// <summary>Polarity and contact must be stated once a relay is wired; not without one.</summary>
        [TestMethod]
        public static void RelayPolarityAndContactMustBeSet()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.RelayPolarity = RelayPolarity.NotSet;
            Assert.Contains("relay polarity not set", config.Validate());
            config.RelayPolarity = RelayPolarity.ActiveLow;
            config.RelayContact = RelayContact.NotSet;
            Assert.Contains("relay contact not set", config.Validate());

            config = TestConfigs.Valid(-1);
            config.RelayPolarity = RelayPolarity.NotSet;
            config.RelayContact = RelayContact.NotSet;
            Assert.IsNull(config.Validate());
        }

        /// <summary>The round deadline must fit under the board watchdog.</summary>
        [TestMethod]
        public static void RoundDeadlineMustFitUnderTheBoardWatchdog()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.ProbeRoundMilliseconds = 170000;
            Assert.Contains("round deadline", config.Validate());
            config.ProbeRoundMilliseconds = config.ProbeTimeoutMilliseconds - 1;
            Assert.Contains("round deadline", config.Validate());
        }

        /// <summary>Button hold times must be in order.</summary>
        [TestMethod]
        public static void ButtonHoldTimesMustBeInOrder()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.MaintenancePressMilliseconds = config.AcknowledgeHoldMilliseconds;
            Assert.Contains("button", config.Validate());
        }
    }
}
