using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// The short reasons written into decisions ("cpu-load >= 98% for 10 samples; not running: ether1").
    /// Builds strings, so only called when a decision is actually logged.
    /// </summary>
    public sealed class DecisionText
    {
        private readonly WatchdogConfig _config;
        private readonly RouterConfig _router;

        /// <summary>Creates the texts of one router.</summary>
        /// <param name="config">The thresholds quoted in the texts.</param>
        /// <param name="router">The router (its ping targets are named).</param>
        public DecisionText(WatchdogConfig config, RouterConfig router)
        {
            _config = config;
            _router = router;
        }

        /// <summary>Describes what is wrong, part by part, separated by "; ".</summary>
        /// <param name="findings">The findings.</param>
        /// <param name="sample">The round they came from, for names and numbers; null for the generic text.</param>
        /// <param name="cpuHighStreak">Consecutive high-CPU samples (quoted when the CPU is high).</param>
        /// <returns>"healthy" when there are no findings.</returns>
        public string Findings(HealthFindings findings, HealthSample sample, int cpuHighStreak)
        {
            if (findings == HealthFindings.None)
            {
                return "healthy";
            }

            string text = string.Empty;
            if ((findings & HealthFindings.ApiUnreachable) != 0)
            {
                text = Append(text, "API unreachable" + (sample == null ? string.Empty : " (" + Failure(sample.Failure) + ")"));
            }

            if ((findings & HealthFindings.CpuLoadHigh) != 0)
            {
                text = Append(text, "cpu-load >= " + _config.CpuLoadThresholdPercent.ToString() + "% for " + cpuHighStreak.ToString() + " samples");
            }

            if ((findings & HealthFindings.LowMemory) != 0)
            {
                text = Append(text, "free memory below " + _config.MinFreeMemoryPercent.ToString() + "%");
            }

            if ((findings & HealthFindings.InterfaceDown) != 0)
            {
                string names = string.Empty;
                if (sample != null)
                {
                    for (int i = 0; i < sample.InterfacesNotRunningCount; i++)
                    {
                        names = names + (i == 0 ? " " : ",") + sample.GetInterfaceNotRunning(i);
                    }
                }

                text = Append(text, "not running:" + (names.Length == 0 ? " interfaces" : names));
            }

            if ((findings & HealthFindings.PingLoss) != 0)
            {
                string lost = string.Empty;
                if (sample != null)
                {
                    for (int i = 0; i < sample.PingTargetCount && i < _router.PingTargets.Length; i++)
                    {
                        int loss = sample.GetPingLoss(i);
                        if (loss > _config.MaxPingLossPercent)
                        {
                            lost = lost + (lost.Length == 0 ? " " : ",") + _router.PingTargets[i] + " " + loss.ToString() + "%";
                        }
                    }
                }

                text = Append(text, "ping loss" + (lost.Length == 0 ? " above " + _config.MaxPingLossPercent.ToString() + "%" : lost));
            }

            return text;
        }

        /// <summary>Names a probe failure for a reason text.</summary>
        /// <param name="failure">The failure.</param>
        /// <returns>A few words, "ok" for none.</returns>
        public static string Failure(ProbeFailure failure)
        {
            switch (failure)
            {
                case ProbeFailure.None: return "ok";
                case ProbeFailure.ConnectFailed: return "connect failed";
                case ProbeFailure.Timeout: return "timeout";
                case ProbeFailure.TlsRejected: return "TLS rejected";
                case ProbeFailure.LoginRejected: return "login rejected";
                case ProbeFailure.ProtocolError: return "protocol error";
                default: return "probe error";
            }
        }

        /// <summary>The reason of a <see cref="DecisionCode.ProbeProblem"/>: what failed and why; it does not count.</summary>
        /// <param name="sample">The round whose probe failed on the board's or the credentials' side.</param>
        /// <returns>The text.</returns>
        public static string ProbeProblem(HealthSample sample)
        {
            return Failure(sample.Failure) + (sample.FailureDetail == null ? string.Empty : ": " + sample.FailureDetail) + " (not counted)";
        }

        private static string Append(string text, string part)
        {
            return text.Length == 0 ? part : text + "; " + part;
        }
    }
}
