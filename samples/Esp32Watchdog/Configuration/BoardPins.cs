namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// Checks every pin the firmware touches against the chip's table (<see cref="ChipPins"/>):
    /// relays and the external watchdog on plain GPIOs only, the LED on a plain or strapping GPIO
    /// that can drive, the button on a plain GPIO with a pull-up (never a strapping pin: held during
    /// a reset it would stop the board in download mode), and no pin used twice.
    /// </summary>
    public static class BoardPins
    {
        /// <summary>Checks the LED, button, external-watchdog and relay pins of <paramref name="config"/>.</summary>
        /// <param name="config">A configuration whose routers are set (checked before this).</param>
        /// <returns>Null when acceptable, else a short reason.</returns>
        public static string Check(WatchdogConfig config)
        {
            EspChip chip = config.Board.Chip;
            string chipName = ChipPins.Name(chip);
            int led = config.LedGpioPin;
            int button = config.AcknowledgeButtonGpioPin;
            int external = config.Board.ExternalWatchdogGpioPin;

            if (led >= 0)
            {
                PinUse use = ChipPins.Use(chip, led);
                if (use != PinUse.General && use != PinUse.Strapping)
                {
                    return "LED pin " + led.ToString() + " is " + ChipPins.Describe(use) + " on " + chipName;
                }
            }

            if (button >= 0)
            {
                PinUse use = ChipPins.Use(chip, button);
                if (use != PinUse.General)
                {
                    return "button pin " + button.ToString() + " is " + ChipPins.Describe(use) + " on " + chipName + " (use a plain GPIO with pull-up, e.g. GPIO 4)";
                }
            }

            if (external >= 0)
            {
                PinUse use = ChipPins.Use(chip, external);
                if (use != PinUse.General)
                {
                    return "external watchdog pin " + external.ToString() + " is " + ChipPins.Describe(use) + " on " + chipName;
                }
            }

            if (led >= 0 && led == button)
            {
                return "LED and button on the same pin";
            }

            if (external >= 0 && (external == led || external == button))
            {
                return "external watchdog pin is the LED or button pin";
            }

            RouterConfig[] routers = config.Routers;
            for (int i = 0; i < routers.Length; i++)
            {
                if (external >= 0 && routers[i].RelayGpioPin == external)
                {
                    return "router " + routers[i].Name + ": relay pin is the external watchdog pin";
                }
            }

            return RelayWiring.Check(config);
        }
    }
}
