using Esp32Watchdog.Configuration;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Configuration
{
    /// <summary>Pins per chip: relay, LED, button and external-watchdog pins checked against the chip's table.</summary>
    [TestClass]
    public class BoardPinsTests
    {
        /// <summary>The defaults fit the default chip: relay 26, LED 2, button 4 on an ESP32.</summary>
        [TestMethod]
        public static void DefaultsFitTheDefaultChip()
        {
            WatchdogConfig config = new WatchdogConfig();
            Assert.AreEqual((int)EspChip.Esp32, (int)config.Board.Chip);
            Assert.AreEqual((int)PinUse.General, (int)ChipPins.Use(EspChip.Esp32, 26));
            Assert.AreEqual((int)PinUse.General, (int)ChipPins.Use(EspChip.Esp32, config.AcknowledgeButtonGpioPin));
            Assert.AreEqual((int)PinUse.Strapping, (int)ChipPins.Use(EspChip.Esp32, 0), "GPIO 0 is BOOT");
            Assert.IsNull(TestConfigs.Valid(26).Validate());
        }

        /// <summary>UART0 and WROVER's PSRAM pins on an ESP32 are refused for a relay.</summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        [DataRow(16)]
        [DataRow(17)]
        public static void Esp32ConsoleAndPsramPinsRefused(int pin)
        {
            Assert.Contains("relay pin " + pin.ToString(), TestConfigs.Valid(pin).Validate());
        }

        /// <summary>The default relay pin 26 is flash/PSRAM on an S3 and missing on a C3.</summary>
        [TestMethod]
        public static void Pin26OnS3AndC3IsRefused()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.Board.Chip = EspChip.Esp32S3;
            config.Board.ExternalWatchdogGpioPin = 5;
            Assert.Contains("flash/PSRAM", config.Validate());
            config.Board.Chip = EspChip.Esp32C3;
            config.LedGpioPin = 7;
            Assert.Contains("not a pin of this chip", config.Validate());
            config.Routers[0].RelayGpioPin = 10;
            Assert.IsNull(config.Validate());
        }

        /// <summary>C3's strapping and flash pins, S3's strapping pins.</summary>
        [TestMethod]
        public static void OtherChipsHaveTheirOwnReservedPins()
        {
            Assert.AreEqual((int)PinUse.Strapping, (int)ChipPins.Use(EspChip.Esp32C3, 9));
            Assert.AreEqual((int)PinUse.FlashOrPsram, (int)ChipPins.Use(EspChip.Esp32C3, 14));
            Assert.AreEqual((int)PinUse.Missing, (int)ChipPins.Use(EspChip.Esp32C3, 22));
            Assert.AreEqual((int)PinUse.Strapping, (int)ChipPins.Use(EspChip.Esp32S3, 46));
            Assert.AreEqual((int)PinUse.General, (int)ChipPins.Use(EspChip.Esp32S3, 40));
            Assert.AreEqual((int)PinUse.InputOnly, (int)ChipPins.Use(EspChip.Esp32, 36));
        }

        /// <summary>A button on an input-only pin (no pull-up: it floats) or a strapping pin is refused.</summary>
        [TestMethod]
        [DataRow(34)]
        [DataRow(0)]
        [DataRow(6)]
        public static void BadButtonPinsRefused(int pin)
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.AcknowledgeButtonGpioPin = pin;
            Assert.Contains("button pin " + pin.ToString(), config.Validate());
        }

        /// <summary>The LED is checked too.</summary>
        [TestMethod]
        public static void BadLedPinRefused()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.LedGpioPin = 35;
            Assert.Contains("LED pin 35", config.Validate());
        }

        /// <summary>NormallyOpen unpowers the router at every reset: refused unless accepted.</summary>
        [TestMethod]
        public static void NormallyOpenNeedsExplicitAcceptance()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.RelayContact = RelayContact.NormallyOpen;
            Assert.Contains("normally-open", config.Validate());
            config.Board.AcceptNormallyOpenContact = true;
            Assert.IsNull(config.Validate());
        }

        /// <summary>TLS needs the external watchdog (or an explicit acceptance), and never goes to 8728.</summary>
        [TestMethod]
        public static void TlsNeedsExternalWatchdogAndTheSslPort()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.Board.ExternalWatchdogGpioPin = -1;
            Assert.Contains("external watchdog", config.Validate());
            config.Board.AcceptTlsWithoutExternalWatchdog = true;
            Assert.IsNull(config.Validate());
            config.Routers[0].Port = RouterConfig.ApiPort;
            Assert.Contains("TLS on port 8728", config.Validate());
        }

        /// <summary>The external watchdog pin is a plain GPIO of its own.</summary>
        [TestMethod]
        public static void ExternalWatchdogPinChecked()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.Board.ExternalWatchdogGpioPin = 26;
            Assert.Contains("external watchdog pin", config.Validate());
            config.Board.ExternalWatchdogGpioPin = 12;
            Assert.Contains("external watchdog pin 12", config.Validate());
        }
    }
}
