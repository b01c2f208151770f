// Device-only (see NanoGpio.cs).
using System.Device.Gpio;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Platform
{
    /// <summary><see cref="IGpioPin"/> over nanoFramework's <c>GpioPin</c>.</summary>
    internal sealed class NanoGpioPin : IGpioPin
    {
        private readonly GpioPin _pin;

        internal NanoGpioPin(GpioPin pin)
        {
            _pin = pin;
        }

        public int Number
        {
            get { return _pin.PinNumber; }
        }

        public void SetMode(GpioMode mode)
        {
            _pin.SetPinMode(NanoGpio.ToPinMode(mode));
        }

        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
