using System;

namespace Esp32Watchdog.Health
{
    /// <summary>What is wrong with a router in one round; a set of flags.</summary>
    [Flags]
    public enum HealthFindings
    {
        /// <summary>Nothing: the round was healthy.</summary>
        None = 0,

        /// <summary>The API did not answer while the board's own network was up.</summary>
        ApiUnreachable = 1,

        /// <summary>cpu-load at or above the threshold for the configured number of consecutive samples.</summary>
        CpuLoadHigh = 2,

        /// <summary>Free memory below the configured share of total memory.</summary>
        LowMemory = 4,

        /// <summary>One or more watched interfaces are not running.</summary>
        InterfaceDown = 8,

        /// <summary>Packet loss above the threshold to one or more ping targets.</summary>
        PingLoss = 16,
    }
}
