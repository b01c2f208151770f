using System;
using Esp32Watchdog.Configuration;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Which pin level keeps a router powered, from the relay's polarity and the contact its
    /// supply goes through (the relay driver, <see cref="GpioRelay"/>, opens the pin straight into
    /// that state: nanoFramework has no output latch).
    /// </summary>
    public static class RelayLevels
    {
        /// <summary>The level that keeps the router powered.</summary>
        /// <param name="polarity">Which level energises the coil.</param>
        /// <param name="contact">Which contact carries the router's supply.</param>
        /// <returns>True for a high pin, false for a low pin.</returns>
        /// <exception cref="ArgumentException">Polarity or contact not set.</exception>
        public static bool PoweredLevelIsHigh(RelayPolarity polarity, RelayContact contact)
        {
            if (polarity == RelayPolarity.NotSet || contact == RelayContact.NotSet)
            {
                throw new ArgumentException("relay polarity and contact must be set");
            }

            bool energiseHigh = polarity == RelayPolarity.ActiveHigh;

            // NC: powered while the coil rests. NO: powered only while the coil is energised.
            return contact == RelayContact.NormallyOpen ? energiseHigh : !energiseHigh;
        }
    }
}
