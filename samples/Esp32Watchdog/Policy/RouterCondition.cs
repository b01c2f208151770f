namespace Esp32Watchdog.Policy
{
    /// <summary>A router's condition as the status LED shows it, from best to worst.</summary>
    public enum RouterCondition
    {
        /// <summary>The last round was healthy.</summary>
        Healthy = 0,

        /// <summary>Under a maintenance hold.</summary>
        Maintenance = 1,

        /// <summary>Something is wrong, not (yet) enough to act.</summary>
        Degraded = 2,

        /// <summary>An action is under way or being verified.</summary>
        Acting = 3,

        /// <summary>Given up: a human is needed.</summary>
        GivenUp = 4,
    }
}
