namespace Esp32Watchdog.Policy
{
    /// <summary>What the router-side maintenance flag did this round (see <see cref="MaintenanceHold.FollowFlag"/>).</summary>
    public enum MaintenanceFlagEdge
    {
        /// <summary>Nothing to do.</summary>
        None,

        /// <summary>The flag appeared: start a hold.</summary>
        Raised,

        /// <summary>The flag went away while the hold it started runs: end that hold.</summary>
        RemovedEndsHold,
    }
}
