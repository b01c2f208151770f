namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// Per-chip GPIO tables, from Espressif's datasheets and ESP-IDF's GPIO notes:
    /// <list type="bullet">
    /// <item>ESP32: GPIO 0-19, 21-23, 25-27, 32-39 exist; 6-11 SPI flash; 16-17 PSRAM on WROVER
    /// modules; strapping 0, 2, 5, 12, 15; UART0 1 (TX), 3 (RX); 34-39 input-only without pull-ups.</item>
    /// <item>ESP32-S3: GPIO 0-21, 26-48 exist; 26-32 SPI flash/PSRAM, 33-37 octal flash/PSRAM on
    /// R8/N16R8-type modules; strapping 0, 3, 45, 46; USB 19, 20; UART0 43 (TX), 44 (RX).</item>
    /// <item>ESP32-C3: GPIO 0-21 exist; 12-17 SPI flash; strapping 2, 8, 9; USB 18, 19;
    /// UART0 20 (RX), 21 (TX).</item>
    /// </list>
    /// Reserved pins are refused whichever module is used: a pin that is free on one module and
    /// wired on another is treated as wired.
    /// </summary>
    public static class ChipPins
    {
        /// <summary>What <paramref name="pin"/> is on <paramref name="chip"/>.</summary>
        /// <param name="chip">The board's chip.</param>
        /// <param name="pin">The GPIO number.</param>
        /// <returns>Its use; <see cref="PinUse.Missing"/> for numbers the chip lacks.</returns>
        public static PinUse Use(EspChip chip, int pin)
        {
            if (chip == EspChip.Esp32S3)
            {
                return S3(pin);
            }

            if (chip == EspChip.Esp32C3)
            {
                return C3(pin);
            }

            return chip == EspChip.Esp32 ? Esp32(pin) : PinUse.Missing;
        }

        /// <summary>Whether the pin can drive an output at all (exists, not input-only).</summary>
        /// <param name="chip">The board's chip.</param>
        /// <param name="pin">The GPIO number.</param>
        /// <returns>True when OpenPin(Output) is possible.</returns>
        public static bool CanDrive(EspChip chip, int pin)
        {
            PinUse use = Use(chip, pin);
            return use != PinUse.Missing && use != PinUse.InputOnly;
        }

        /// <summary>The chip's name as the README and messages write it.</summary>
        /// <param name="chip">The chip.</param>
        /// <returns>"ESP32", "ESP32-S3" or "ESP32-C3".</returns>
        public static string Name(EspChip chip)
        {
            return chip == EspChip.Esp32S3 ? "ESP32-S3" : chip == EspChip.Esp32C3 ? "ESP32-C3" : chip == EspChip.Esp32 ? "ESP32" : "unknown chip";
        }

        /// <summary>A short description of a use, for messages.</summary>
        /// <param name="use">The use.</param>
        /// <returns>E.g. "a strapping pin".</returns>
        public static string Describe(PinUse use)
        {
            switch (use)
            {
                case PinUse.Missing:
                    return "not a pin of this chip";
                case PinUse.FlashOrPsram:
                    return "a flash/PSRAM pin";
                case PinUse.Strapping:
                    return "a strapping pin (it decides how the chip boots)";
                case PinUse.Console:
                    return "the serial console (UART0)";
                case PinUse.Usb:
                    return "a USB pin";
                case PinUse.InputOnly:
                    return "input-only without pull-up";
                default:
                    return "a plain GPIO";
            }
        }

        private static PinUse Esp32(int pin)
        {
            if (pin < 0 || pin > 39 || pin == 20 || pin == 24 || (pin >= 28 && pin <= 31))
            {
                return PinUse.Missing;
            }

            if ((pin >= 6 && pin <= 11) || pin == 16 || pin == 17)
            {
                return PinUse.FlashOrPsram;
            }

            if (pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15)
            {
                return PinUse.Strapping;
            }

            if (pin == 1 || pin == 3)
            {
                return PinUse.Console;
            }

            return pin >= 34 ? PinUse.InputOnly : PinUse.General;
        }

        private static PinUse S3(int pin)
        {
            if (pin < 0 || pin > 48 || (pin >= 22 && pin <= 25))
            {
                return PinUse.Missing;
            }

            if (pin >= 26 && pin <= 37)
            {
                return PinUse.FlashOrPsram;
            }

            if (pin == 0 || pin == 3 || pin == 45 || pin == 46)
            {
                return PinUse.Strapping;
            }

            if (pin == 19 || pin == 20)
            {
                return PinUse.Usb;
            }

            return pin == 43 || pin == 44 ? PinUse.Console : PinUse.General;
        }

        private static PinUse C3(int pin)
        {
            if (pin < 0 || pin > 21)
            {
                return PinUse.Missing;
            }

            if (pin >= 12 && pin <= 17)
            {
                return PinUse.FlashOrPsram;
            }

            if (pin == 2 || pin == 8 || pin == 9)
            {
                return PinUse.Strapping;
            }

            if (pin == 18 || pin == 19)
            {
                return PinUse.Usb;
            }

            return pin == 20 || pin == 21 ? PinUse.Console : PinUse.General;
        }
    }
}
