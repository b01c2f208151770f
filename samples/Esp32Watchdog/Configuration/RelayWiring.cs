namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// The relay wiring the configuration check accepts: one relay per router, each on a plain GPIO
    /// of the board's chip (see <see cref="ChipPins"/>), the relays' polarity and contact stated
    /// (guessing wrong cuts a router's power), and normally-open wiring only when accepted.
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

                PinUse use = ChipPins.Use(config.Board.Chip, pin);
                if (use != PinUse.General)
                {
                    return "router " + name + ": relay pin " + pin.ToString() + " is " + ChipPins.Describe(use) + " on " + ChipPins.Name(config.Board.Chip);
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

            if (anyRelay && config.RelayContact == RelayContact.NormallyOpen && !config.Board.AcceptNormallyOpenContact)
            {
                return "normally-open relay contact unpowers the router at every board reset: wire NormallyClosed, or set Board.AcceptNormallyOpenContact";
            }

            return null;
        }
    }
}
