namespace Esp32Watchdog.Ports
{
    /// <summary>One open GPIO pin (nanoFramework's <c>GpioPin</c> behind it on the device).</summary>
    public interface IGpioPin
    {
        /// <summary>The GPIO number.</summary>
        int Number { get; }

        /// <summary>Changes the mode. Entering <see cref="GpioMode.Output"/> drives the pin Low first.</summary>
        /// <param name="mode">The new mode.</param>
        void SetMode(GpioMode mode);

        /// <summary>Drives the pin. Throws <c>ArgumentException</c> unless the pin is an output.</summary>
        /// <param name="high">True for High, false for Low.</param>
        void Write(bool high);

        /// <summary>Reads the pin's level.</summary>
        /// <returns>True for High.</returns>
        bool Read();
    }
}
