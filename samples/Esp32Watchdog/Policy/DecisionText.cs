using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// The short texts of probe failures in decisions ("timeout", "login rejected: ..."). What the
    /// health checks found is each check's own text (<c>IHealthCheck.Finding</c>).
    /// </summary>
    public static class DecisionText
    {
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
                case ProbeFailure.ServiceDown: return "API service down";
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
    }
}
