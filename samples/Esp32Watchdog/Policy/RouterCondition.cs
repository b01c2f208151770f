namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// A router's condition as the status LED shows it. The numbers are stable (the /metrics
    /// gauge carries them); from best to worst: Healthy, Maintenance, Degraded, Blind, Acting,
    /// GivenUp (see <see cref="RouterConditions.Severity"/>).
    /// </summary>
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

        /// <summary>
        /// Blind: the router has not been usable for several rounds although it answers (login or
        /// certificate refused, API service down, the board's own errors): it is not watched, and
        /// nothing is ever done to it, until a human fixes the cause.
        /// </summary>
        Blind = 5,
    }
}
