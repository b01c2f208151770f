using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// A relay module on one GPIO pin, driven the way nanoFramework allows: a pin drives only as an
    /// output (a write on an input throws), and becoming an output drives it Low first.
    /// </summary>
    /// <remarks>
    /// The coil's two states and how the pin makes them:
    /// <list type="bullet">
    /// <item>Active-low module: at rest = pin released (input, high impedance; the module's own
    /// pull-up keeps the coil off); energised = output Low.</item>
    /// <item>Active-high module: at rest = output Low; energised = output High.</item>
    /// </list>
    /// The pin is opened directly in the state that keeps the router powered, so nothing glitches at
    /// boot: an active-low module on the normally-closed contact (the recommended wiring) is never
    /// driven at all until a cut. Transitions: Powered → Cut (PowerCycle) → Powered (always, in a
    /// finally block).
    /// </remarks>
    public sealed class GpioRelay : IPowerRelay
    {
        private readonly IGpioPin _pin;
        private readonly IDelay _delay;
        private readonly bool _activeLow;
        private readonly bool _poweredAtRest;

        private GpioRelay(IGpioPin pin, IDelay delay, bool activeLow, bool poweredAtRest)
        {
            _pin = pin;
            _delay = delay;
            _activeLow = activeLow;
            _poweredAtRest = poweredAtRest;
        }

        /// <summary>True while the power is cut (during <see cref="PowerCycle"/>).</summary>
        public bool IsCut { get; private set; }

        /// <summary>
        /// Opens the relay's pin in the state that keeps the router powered. Never throws: any
        /// failure (pin missing, input-only, refused by the driver, settings unset) is returned in
        /// <paramref name="problem"/>, and the configuration must then be refused.
        /// </summary>
        /// <param name="gpio">The board's GPIO.</param>
        /// <param name="delay">Waits while the power is off.</param>
        /// <param name="pin">The GPIO number.</param>
        /// <param name="polarity">Which level energises the coil.</param>
        /// <param name="contact">Which contact carries the router's supply.</param>
        /// <param name="problem">Null on success, else a short reason.</param>
        /// <returns>The relay, or null when it could not be set up.</returns>
        public static GpioRelay Open(IGpio gpio, IDelay delay, int pin, RelayPolarity polarity, RelayContact contact, out string problem)
        {
            problem = null;
            if (gpio == null || delay == null)
            {
                problem = "relay pin " + pin.ToString() + ": no GPIO";
                return null;
            }

            if (polarity == RelayPolarity.NotSet || contact == RelayContact.NotSet)
            {
                problem = "relay pin " + pin.ToString() + ": polarity or contact not set";
                return null;
            }

            bool activeLow = polarity == RelayPolarity.ActiveLow;
            bool poweredAtRest = contact == RelayContact.NormallyClosed;
            IGpioPin opened = null;
            try
            {
                if (!gpio.IsModeSupported(pin, GpioMode.Output))
                {
                    problem = "relay pin " + pin.ToString() + " cannot be an output (input-only or missing)";
                    return null;
                }

                // Opened straight into the powered state: released for an active-low coil at rest,
                // else an output (Low at once, which is an active-high coil's rest).
                bool releaseAtOpen = activeLow && poweredAtRest;
                opened = gpio.OpenPin(pin, releaseAtOpen ? GpioMode.Input : GpioMode.Output);
                GpioRelay relay = new GpioRelay(opened, delay, activeLow, poweredAtRest);
                if (!releaseAtOpen)
                {
                    relay.Hold(true);
                }

                return relay;
            }
            catch (Exception e)
            {
                problem = "relay pin " + pin.ToString() + " set-up failed: " + e.GetType().Name + (e.Message == null || e.Message.Length == 0 ? string.Empty : " " + e.Message);
                return null;
            }
        }

        /// <inheritdoc />
        public void PowerCycle(int offMilliseconds)
        {
            try
            {
                IsCut = true;
                Hold(false);
                _delay.Sleep(offMilliseconds);
            }
            finally
            {
                // Whatever happens, the power goes back on.
                Hold(true);
                IsCut = false;
            }
        }

        // Puts the coil in the state that powers (true) or cuts (false) the router.
        private void Hold(bool powered)
        {
            bool energised = powered != _poweredAtRest;
            if (_activeLow)
            {
                if (energised)
                {
                    // Output drives Low at once; the write states it.
                    _pin.SetMode(GpioMode.Output);
                    _pin.Write(false);
                }
                else
                {
                    _pin.SetMode(GpioMode.Input);
                }

                return;
            }

            _pin.Write(energised);
        }
    }
}
