// Device-only: nanoFramework.System.Device.Gpio cannot be restored on build machines. Listed in
// Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj. Pure adaptation: the relay logic is
// Supervision/GpioRelay, tested through a fake that enforces nanoFramework's GPIO rules.
using System.Device.Gpio;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Platform
{
    /// <summary><see cref="IGpio"/> over nanoFramework's <c>GpioController</c>.</summary>
    internal sealed class NanoGpio : IGpio
    {
        private readonly GpioController _gpio;

        internal NanoGpio(GpioController gpio)
        {
            _gpio = gpio;
        }

        public bool IsModeSupported(int pin, GpioMode mode)
        {
            return _gpio.IsPinModeSupported(pin, ToPinMode(mode));
        }

        public IGpioPin OpenPin(int pin, GpioMode mode)
        {
            return new NanoGpioPin(_gpio.OpenPin(pin, ToPinMode(mode)));
        }

        internal static PinMode ToPinMode(GpioMode mode)
        {
            return mode == GpioMode.Output ? PinMode.Output : mode == GpioMode.InputPullUp ? PinMode.InputPullUp : PinMode.Input;
        }
    }
}
