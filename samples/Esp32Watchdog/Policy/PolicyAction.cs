namespace Esp32Watchdog.Policy
{
    /// <summary>What the policy asks its caller to do now.</summary>
    public enum PolicyAction
    {
        /// <summary>Nothing.</summary>
        None = 0,

        /// <summary>Reboot the router through its API, then report with <see cref="RouterPolicy.OnRebootResult"/>.</summary>
        RebootViaApi = 1,

        /// <summary>Cycle the router's power, then report with <see cref="RouterPolicy.OnPowerCycleDone"/>.</summary>
        PowerCycle = 2,
    }
}
