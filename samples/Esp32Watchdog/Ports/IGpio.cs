namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// The board's GPIO controller, as the watchdog needs it (nanoFramework's
    /// <c>GpioController</c> behind it on the device). Implementations follow nanoFramework's rules:
    /// a pin the chip lacks throws at <see cref="OpenPin"/>.
    /// </summary>
    public interface IGpio
    {
        /// <summary>Whether <paramref name="pin"/> supports <paramref name="mode"/> (false for output on input-only pins).</summary>
        /// <param name="pin">The GPIO number.</param>
        /// <param name="mode">The mode asked for.</param>
        /// <returns>True when the chip supports it.</returns>
        bool IsModeSupported(int pin, GpioMode mode);

        /// <summary>Opens <paramref name="pin"/> in <paramref name="mode"/>.</summary>
        /// <param name="pin">The GPIO number.</param>
        /// <param name="mode">The first mode; <see cref="GpioMode.Output"/> drives Low at once.</param>
        /// <returns>The open pin.</returns>
        IGpioPin OpenPin(int pin, GpioMode mode);
    }
}
