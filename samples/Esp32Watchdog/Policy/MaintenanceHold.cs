using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// The time-limited maintenance hold: its length (default, capped), its end, and the router-side
    /// flag that can start and end it. The flag is edge-triggered, so a forgotten flag cannot renew
    /// the hold forever: once the hold expires, the flag must be removed and added again.
    /// </summary>
    public sealed class MaintenanceHold
    {
        private readonly WatchdogConfig _config;
        private long _endsAtMs;
        private bool _flagSeen;
        private bool _byFlag;

        /// <summary>Creates a hold that is not running and has seen no flag.</summary>
        /// <param name="config">The default and maximum length.</param>
        public MaintenanceHold(WatchdogConfig config)
        {
            _config = config;
        }

        /// <summary>Starts (or restarts) the hold.</summary>
        /// <param name="requestedMilliseconds">Length asked for; 0 or less for the default; capped at the maximum.</param>
        /// <param name="byFlag">True when the router's flag started it (removing the flag then ends it).</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>The length granted, in milliseconds.</returns>
        public long Begin(long requestedMilliseconds, bool byFlag, long nowMilliseconds)
        {
            long duration = requestedMilliseconds <= 0 ? _config.MaintenanceDefaultMilliseconds : requestedMilliseconds;
            if (duration > _config.MaintenanceMaxMilliseconds)
            {
                duration = _config.MaintenanceMaxMilliseconds;
            }

            _byFlag = byFlag;
            _endsAtMs = nowMilliseconds + duration;
            return duration;
        }

        /// <summary>Whether a hold begun earlier has run out.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>True from the end of the hold on.</returns>
        public bool HasExpired(long nowMilliseconds)
        {
            return nowMilliseconds >= _endsAtMs;
        }

        /// <summary>Follows the router's flag in a round; a round without the API says nothing about it.</summary>
        /// <param name="sample">The round's results.</param>
        /// <param name="holding">Whether the router is in maintenance now.</param>
        /// <returns>What the caller must do.</returns>
        public MaintenanceFlagEdge FollowFlag(HealthSample sample, bool holding)
        {
            if (!sample.ApiReachable)
            {
                return MaintenanceFlagEdge.None;
            }

            if (sample.MaintenanceRequested && !_flagSeen)
            {
                _flagSeen = true;
                return MaintenanceFlagEdge.Raised;
            }

            if (!sample.MaintenanceRequested && _flagSeen)
            {
                _flagSeen = false;
                bool ends = _byFlag && holding;
                _byFlag = false;
                return ends ? MaintenanceFlagEdge.RemovedEndsHold : MaintenanceFlagEdge.None;
            }

            return MaintenanceFlagEdge.None;
        }
    }
}
