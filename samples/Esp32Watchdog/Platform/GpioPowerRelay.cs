// Device-only: nanoFramework.System.Device.Gpio cannot be restored on build machines. Listed in
// Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj. The levels come from RelayLevels.
using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// A relay on a GPIO pin. The "powered" level is latched before the pin becomes an output, so
    /// opening the relay never glitches the router's power. With the normally-closed contact (see
    /// <c>RelayContact</c>) the router keeps its power whenever the board is off, resetting or crashed.
    /// </summary>
    internal sealed class GpioPowerRelay : IPowerRelay
    {
        private readonly GpioPin _pin;
        private readonly PinValue _cut;
        private readonly PinValue _keep;

        public GpioPowerRelay(GpioController gpio, int pinNumber, bool poweredHigh)
        {
            _keep = poweredHigh ? PinValue.High : PinValue.Low;
            _cut = poweredHigh ? PinValue.Low : PinValue.High;

            // Opened as an input (high impedance); the latched output value is driven only when
            // the pin becomes an output.
            _pin = gpio.OpenPin(pinNumber, PinMode.Input);
            try
            {
                _pin.Write(_keep);
            }
            catch (InvalidOperationException)
            {
                // A driver that refuses to latch on an input: written again right after below.
            }

            _pin.SetPinMode(PinMode.Output);
            _pin.Write(_keep);
        }

        public void PowerCycle(int offMilliseconds)
        {
            try
            {
                _pin.Write(_cut);
                Thread.Sleep(offMilliseconds);
            }
            finally
            {
                // Whatever happens, the power goes back on.
                _pin.Write(_keep);
            }
        }
    }
}
