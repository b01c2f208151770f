using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// Judges, round by round, whether a reboot or power-cycle brought the router back. Pure: the
    /// caller says how long ago the action started and whether the uptime went backwards.
    /// </summary>
    public sealed class RecoveryVerifier
    {
        private readonly WatchdogConfig _config;

        /// <summary>Creates a verifier with the configured deadlines.</summary>
        /// <param name="config">The verification timeouts and the probe timeout.</param>
        public RecoveryVerifier(WatchdogConfig config)
        {
            _config = config;
        }

        /// <summary>Judges one round taken <paramref name="elapsedMilliseconds"/> after the action started.</summary>
        /// <param name="sample">The round's results.</param>
        /// <param name="uptimeWentBack">Whether the uptime went backwards this round (see <see cref="UptimeTracker"/>).</param>
        /// <param name="elapsedMilliseconds">Time since the action started (or was confirmed).</param>
        /// <param name="powerCycle">True when verifying a power-cycle, false for an API reboot.</param>
        /// <returns>The verdict.</returns>
        public VerificationOutcome Judge(HealthSample sample, bool uptimeWentBack, long elapsedMilliseconds, bool powerCycle)
        {
            long elapsed = elapsedMilliseconds;
            bool answered = !sample.ApiSilent;
            bool uptimeKnown = sample.ApiReachable && sample.UptimeSeconds >= 0;
            bool restarted = uptimeKnown
                && (uptimeWentBack || sample.UptimeSeconds * 1000 <= elapsed + _config.ProbeTimeoutMilliseconds);
            long limit = powerCycle ? _config.PowerCycleVerifyTimeoutMilliseconds : _config.RebootVerifyTimeoutMilliseconds;

            if (!sample.ApiReachable && sample.Failure == ProbeFailure.ProbeError)
            {
                // The board could not probe: no evidence either way, and never a reason to cut
                // power. Give up verifying only when the deadline has passed.
                return elapsed >= limit ? VerificationOutcome.CannotVerify : VerificationOutcome.Waiting;
            }

            if (restarted)
            {
                return VerificationOutcome.Verified;
            }

            if (answered)
            {
                if (powerCycle && uptimeKnown)
                {
                    // After a real power cut the uptime must be small: the relay did nothing, or
                    // cut another router's power.
                    return VerificationOutcome.PowerCycleNoEffect;
                }

                if (elapsed >= limit)
                {
                    return uptimeKnown ? VerificationOutcome.UptimeNotReset : VerificationOutcome.UptimeUnknown;
                }

                return VerificationOutcome.Waiting;
            }

            if (powerCycle)
            {
                return elapsed >= _config.PowerCycleVerifyTimeoutMilliseconds ? VerificationOutcome.PowerCycleNotBack : VerificationOutcome.Waiting;
            }

            return elapsed >= _config.PowerCycleAfterMilliseconds ? VerificationOutcome.FallbackDue : VerificationOutcome.Waiting;
        }
    }
}
