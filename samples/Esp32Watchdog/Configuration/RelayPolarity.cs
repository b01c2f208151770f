namespace Esp32Watchdog.Configuration
{
    /// <summary>Which level on the relay pin energises the relay's coil. Must be set when a relay is wired.</summary>
    public enum RelayPolarity
    {
        /// <summary>Not set: the configuration check refuses to start (many cheap modules are active-low).</summary>
        NotSet = 0,

        /// <summary>A high pin energises the relay.</summary>
        ActiveHigh = 1,

        /// <summary>A low pin energises the relay (most opto-isolated modules with an "IN" pin pulled to VCC).</summary>
        ActiveLow = 2,
    }
}
