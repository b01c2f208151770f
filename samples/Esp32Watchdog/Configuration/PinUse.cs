namespace Esp32Watchdog.Configuration
{
    /// <summary>What a GPIO number is on a given chip (see <see cref="ChipPins"/>).</summary>
    public enum PinUse
    {
        /// <summary>A plain GPIO: input with pull-up and output.</summary>
        General = 0,

        /// <summary>The chip has no such pin (nanoFramework throws at OpenPin).</summary>
        Missing = 1,

        /// <summary>Wired to the module's SPI flash or PSRAM: touching it crashes the board.</summary>
        FlashOrPsram = 2,

        /// <summary>Sampled at reset to choose the boot mode: held or driven then, the board may not start.</summary>
        Strapping = 3,

        /// <summary>The serial console and flashing port (UART0).</summary>
        Console = 4,

        /// <summary>The chip's USB (Serial/JTAG) pins.</summary>
        Usb = 5,

        /// <summary>Input only, without internal pull-up or pull-down (ESP32 GPIO 34-39).</summary>
        InputOnly = 6,
    }
}
