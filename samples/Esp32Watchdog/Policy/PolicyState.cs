namespace Esp32Watchdog.Policy
{
    /// <summary>The policy's state for one router.</summary>
    public enum PolicyState
    {
        /// <summary>Watching; acts after enough consecutive unhealthy rounds.</summary>
        Monitoring = 0,

        /// <summary>An API reboot was sent; waiting for the router to come back with a reset uptime.</summary>
        VerifyingReboot = 1,

        /// <summary>The power was cycled; waiting for the router to come back.</summary>
        VerifyingPowerCycle = 2,

        /// <summary>Maintenance hold: watching only, never acting, until it ends.</summary>
        Maintenance = 3,

        /// <summary>No more actions until a human acknowledges; still watching and reporting.</summary>
        GivenUp = 4,
    }
}
