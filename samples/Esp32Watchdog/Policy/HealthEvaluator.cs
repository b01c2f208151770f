using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// Judges one probe round with the router's health checks: whether the API was silent, which
    /// checks fail, and whether the round counts as unhealthy (silence, or a failing check that is
    /// not report-only). Keeps which checks failed for the status and the decisions' texts.
    /// </summary>
    public sealed class HealthEvaluator
    {
        private readonly IHealthCheck[] _checks;
        private readonly bool[] _failing;

        /// <summary>Creates the evaluator of one router.</summary>
        /// <param name="checks">The router's checks (declared; see <c>WatchdogConfig.ChecksFor</c>).</param>
        public HealthEvaluator(IHealthCheck[] checks)
        {
            _checks = checks;
            _failing = new bool[checks.Length];
        }

        /// <summary>The router's checks.</summary>
        public IHealthCheck[] Checks
        {
            get { return _checks; }
        }

        /// <summary>True when the last round's API was silent (a refusal or a board-side error is not silence).</summary>
        public bool ApiUnreachable { get; private set; }

        /// <summary>True when the last round counts as unhealthy: silence, or a failing check that acts.</summary>
        public bool Unhealthy { get; private set; }

        /// <summary>True when a report-only check failed in the last round (shown, never counted).</summary>
        public bool ReportOnlyFailing { get; private set; }

        /// <summary>Whether the <paramref name="index"/>-th check failed in the last round.</summary>
        /// <param name="index">Index into <see cref="Checks"/>.</param>
        /// <returns>True when it failed.</returns>
        public bool IsFailing(int index)
        {
            return _failing[index];
        }

        /// <summary>Judges one round with every check. Allocates nothing.</summary>
        /// <param name="sample">The round's results.</param>
        /// <returns><see cref="Unhealthy"/>.</returns>
        public bool Assess(HealthSample sample)
        {
            // Only silence counts. A refusal (login, certificate) or a board-side error proves
            // nothing about the router's health.
            ApiUnreachable = sample.ApiSilent;
            bool unhealthy = ApiUnreachable;
            bool reported = false;
            for (int i = 0; i < _checks.Length; i++)
            {
                bool failing = _checks[i].Judge(sample);
                _failing[i] = failing;
                unhealthy = unhealthy || (failing && !_checks[i].ReportOnly);
                reported = reported || (failing && _checks[i].ReportOnly);
            }

            Unhealthy = unhealthy;
            ReportOnlyFailing = reported;
            return unhealthy;
        }

        /// <summary>Describes what is wrong in the last round, part by part, separated by "; ".</summary>
        /// <param name="sample">The round, for names and numbers; null for the generic text.</param>
        /// <param name="reportOnly">True for the report-only checks' findings, false for what counts.</param>
        /// <returns>The text; "healthy" when nothing of that kind is wrong. Allocates: only for decisions.</returns>
        public string Findings(HealthSample sample, bool reportOnly)
        {
            string text = string.Empty;
            if (!reportOnly && ApiUnreachable)
            {
                text = "API unreachable" + (sample == null ? string.Empty : " (" + DecisionText.Failure(sample.Failure) + ")");
            }

            for (int i = 0; i < _checks.Length; i++)
            {
                if (_failing[i] && _checks[i].ReportOnly == reportOnly)
                {
                    string part = _checks[i].Finding(sample);
                    text = text.Length == 0 ? part : text + "; " + part;
                }
            }

            return text.Length == 0 ? "healthy" : text;
        }

        /// <summary>Forgets every check's history (a new incident, a hold, an outage of the board's network).</summary>
        public void Reset()
        {
            for (int i = 0; i < _checks.Length; i++)
            {
                _checks[i].Reset();
            }
        }
    }
}
