namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// The pin modes the watchdog uses, as nanoFramework's <c>System.Device.Gpio.PinMode</c> names
    /// them. nanoFramework drives a pin only in <see cref="Output"/>: there is no output latch.
    /// </summary>
    public enum GpioMode
    {
        /// <summary>High impedance: the pin drives nothing (a relay module's own pull-up decides the level).</summary>
        Input = 0,

        /// <summary>Input with the chip's pull-up (absent on ESP32 GPIO 34-39: silently ignored there).</summary>
        InputPullUp = 1,

        /// <summary>Push-pull output. Entering this mode drives the pin Low before any write.</summary>
        Output = 2,
    }
}
