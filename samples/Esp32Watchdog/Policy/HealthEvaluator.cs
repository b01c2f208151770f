using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// Turns one probe round into <see cref="HealthFindings"/> against the configured thresholds.
    /// The one finding that needs history is the CPU load (high for N samples in a row), so this
    /// keeps that streak; everything else is judged from the round alone.
    /// </summary>
    public sealed class HealthEvaluator
    {
        private readonly WatchdogConfig _config;
        private int _cpuHighStreak;

        /// <summary>Creates an evaluator with no CPU history.</summary>
        /// <param name="config">Thresholds.</param>
        public HealthEvaluator(WatchdogConfig config)
        {
            _config = config;
        }

        /// <summary>Consecutive samples with the CPU load at or above the threshold.</summary>
        public int CpuHighStreak
        {
            get { return _cpuHighStreak; }
        }

        /// <summary>
        /// Judges one round. A round with a known CPU load advances or restarts the CPU streak;
        /// a round without one (API not used) leaves it as it was.
        /// </summary>
        /// <param name="sample">The round's results.</param>
        /// <returns>What is wrong; <see cref="HealthFindings.None"/> when healthy.</returns>
        public HealthFindings Assess(HealthSample sample)
        {
            HealthFindings findings = HealthFindings.None;
            if (!sample.ApiReachable)
            {
                // Only silence counts. A refusal (login, certificate) or a board-side error proves
                // nothing about the router's health.
                if (sample.Failure == ProbeFailure.ConnectFailed || sample.Failure == ProbeFailure.Timeout)
                {
                    findings |= HealthFindings.ApiUnreachable;
                }

                if (_cpuHighStreak >= _config.CpuLoadConsecutiveSamples)
                {
                    findings |= HealthFindings.CpuLoadHigh;
                }

                return findings;
            }

            if (sample.CpuLoadPercent >= 0)
            {
                _cpuHighStreak = sample.CpuLoadPercent >= _config.CpuLoadThresholdPercent ? _cpuHighStreak + 1 : 0;
            }

            if (_cpuHighStreak >= _config.CpuLoadConsecutiveSamples)
            {
                findings |= HealthFindings.CpuLoadHigh;
            }

            if (_config.MinFreeMemoryPercent > 0 && sample.TotalMemoryBytes > 0 && sample.FreeMemoryBytes >= 0
                && sample.FreeMemoryBytes * 100 < sample.TotalMemoryBytes * _config.MinFreeMemoryPercent)
            {
                findings |= HealthFindings.LowMemory;
            }

            if (sample.InterfacesNotRunningCount > 0)
            {
                findings |= HealthFindings.InterfaceDown;
            }

            for (int i = 0; i < sample.PingTargetCount; i++)
            {
                if (sample.GetPingLoss(i) > _config.MaxPingLossPercent)
                {
                    findings |= HealthFindings.PingLoss;
                    break;
                }
            }

            return findings;
        }

        /// <summary>Forgets the CPU history (a new incident, a hold, an outage of the board's network).</summary>
        public void Reset()
        {
            _cpuHighStreak = 0;
        }
    }
}
