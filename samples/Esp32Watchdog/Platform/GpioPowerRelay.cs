// Device-only: nanoFramework.System.Device.Gpio cannot be restored on build machines. Listed in
// Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj.
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// A relay on a GPIO pin. Wire the router's supply through the normally-closed contact: the
    /// router then keeps its power whenever the board is off, resetting or crashed.
    /// </summary>
    internal sealed class GpioPowerRelay : IPowerRelay
    {
        private readonly GpioPin _pin;
        private readonly PinValue _cut;
        private readonly PinValue _keep;

        public GpioPowerRelay(GpioController gpio, int pinNumber, bool activeHigh)
        {
            _cut = activeHigh ? PinValue.High : PinValue.Low;
            _keep = activeHigh ? PinValue.Low : PinValue.High;
            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
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
