namespace Esp32Watchdog.Configuration
{
    /// <summary>The chip on the board: it decides which GPIO numbers exist and which are reserved.</summary>
    public enum EspChip
    {
        /// <summary>The classic ESP32 (WROOM, WROVER, DevKitC): GPIO 0-39 with gaps.</summary>
        Esp32 = 0,

        /// <summary>ESP32-S3: GPIO 0-21 and 26-48.</summary>
        Esp32S3 = 1,

        /// <summary>ESP32-C3 (RISC-V): GPIO 0-21.</summary>
        Esp32C3 = 2,
    }
}
