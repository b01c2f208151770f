namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// The relay wiring the configuration check accepts: one relay per router, each on a pin the
    /// board can drive from reset without side effects, and the relays' polarity and contact
    /// stated (guessing wrong cuts a router's power).
    /// </summary>
    public static class RelayWiring
    {
        /// <summary>Checks every relay pin and the relay settings of <paramref name="config"/>.</summary>
        /// <param name="config">A configuration whose routers are set (checked before this).</param>
        /// <returns>Null when the wiring is acceptable, else a short reason.</returns>
        public static string Check(WatchdogConfig config)
        {
            RouterConfig[] routers = config.Routers;
            bool anyRelay = false;
            for (int i = 0; i < routers.Length; i++)
            {
                int pin = routers[i].RelayGpioPin;
                if (pin < 0)
                {
                    continue;
                }

                anyRelay = true;
                string name = routers[i].Name;
                if (pin == config.LedGpioPin || pin == config.AcknowledgeButtonGpioPin)
                {
                    return "router " + name + ": relay pin is the LED or button pin";
                }

                if (!IsRelayCapablePin(pin))
                {
                    return "router " + name + ": relay pin " + pin.ToString() + " is a strapping, flash, input-only or missing pin";
                }

                for (int j = 0; j < i; j++)
                {
                    if (routers[j].RelayGpioPin == pin)
                    {
                        return "router " + name + ": relay pin shared with router " + routers[j].Name;
                    }
                }
            }

            if (anyRelay && config.RelayPolarity == RelayPolarity.NotSet)
            {
                return "relay polarity not set (RelayPolarity: ActiveHigh or ActiveLow; check your module)";
            }

            if (anyRelay && config.RelayContact == RelayContact.NotSet)
            {
                return "relay contact not set (RelayContact: NormallyClosed recommended)";
            }

            return null;
        }

        /// <summary>
        /// Whether an ESP32 GPIO can drive a relay safely: not a strapping pin (0, 2, 5, 12, 15:
        /// they decide how the chip boots), not the flash pins (6-11), not input-only (34-39), and
        /// a pin that exists (0-33 without 20, 24, 28-31).
        /// </summary>
        /// <param name="pin">The GPIO number.</param>
        /// <returns>True when the pin may carry a relay.</returns>
        public static bool IsRelayCapablePin(int pin)
        {
            if (pin < 0 || pin > 33)
            {
                return false;
            }

            if (pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15)
            {
                return false;
            }

            if (pin >= 6 && pin <= 11)
            {
                return false;
            }

            return pin != 20 && pin != 24 && (pin < 28 || pin > 31);
        }

    }
}
