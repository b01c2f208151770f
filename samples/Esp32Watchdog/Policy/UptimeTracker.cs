using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// Tells when a router restarted between two readings of its uptime. The expected uptime grows
    /// with the board's clock; a reading clearly below it means the router started over, even when
    /// the gap was long enough for the new uptime to exceed the old one.
    /// </summary>
    public sealed class UptimeTracker
    {
        private readonly WatchdogConfig _config;
        private long _lastUptimeSeconds;
        private long _lastUptimeAtMs;

        /// <summary>Creates a tracker that has seen no uptime yet.</summary>
        /// <param name="config">The probe timeout (part of the tolerance).</param>
        public UptimeTracker(WatchdogConfig config)
        {
            _config = config;
            _lastUptimeSeconds = -1;
        }

        /// <summary>The last uptime read, in seconds; -1 before the first.</summary>
        public long LastUptimeSeconds
        {
            get { return _lastUptimeSeconds; }
        }

        /// <summary>Takes the round's uptime, when it has one, and remembers it.</summary>
        /// <param name="sample">The round's results.</param>
        /// <param name="nowMilliseconds">Monotonic time of the round.</param>
        /// <returns>True when the uptime went backwards (the router restarted since the last reading).</returns>
        public bool Observe(HealthSample sample, long nowMilliseconds)
        {
            if (!sample.ApiReachable || sample.UptimeSeconds < 0)
            {
                return false;
            }

            bool wentBack = false;
            if (_lastUptimeSeconds >= 0)
            {
                long elapsedSeconds = (nowMilliseconds - _lastUptimeAtMs) / 1000;
                if (elapsedSeconds < 0)
                {
                    elapsedSeconds = 0;
                }

                long expected = _lastUptimeSeconds + elapsedSeconds;
                // Slack for where in the probe the uptime was read, clock drift, and rounding.
                long tolerance = 30 + (elapsedSeconds / 100) + (_config.ProbeTimeoutMilliseconds / 1000);
                wentBack = sample.UptimeSeconds + tolerance < expected;
            }

            _lastUptimeSeconds = sample.UptimeSeconds;
            _lastUptimeAtMs = nowMilliseconds;
            return wentBack;
        }
    }
}
