using Esp32Watchdog.Health;
using Esp32Watchdog.Status.Formats;

namespace Esp32Watchdog.Status.Http
{
    /// <summary>
    /// Adds up the most bytes health checks' fields may take in <c>/status</c> or <c>/metrics</c>,
    /// whichever is larger, from the fields they write (<see cref="IHealthCheck.WriteFields"/>):
    /// checks say what they write, this says what it may cost. Used once, to size the endpoint's buffer.
    /// </summary>
    public sealed class CheckFieldBudget : ICheckFieldWriter
    {
        /// <summary>
        /// What every check costs besides its fields: its JSON object with "failing" and
        /// "report_only", its two metric lines of those, each labelled with the longest router and check names.
        /// </summary>
        public const int PerCheckBytes = 2 * (LabelBytes + 40) + HealthCheckNames.MaxLength + 48;

        // router="<name, every character escaped>",check="<name>"} and the longest number.
        private const int LabelBytes = 24 + 2 * StatusJson.MaxNameChars + HealthCheckNames.MaxLength + 20;

        /// <summary>Bytes counted so far.</summary>
        public int Bytes { get; private set; }

        /// <inheritdoc />
        public void Number(string name, string help, long value)
        {
            // JSON: ,"name":N. Metrics: the family's HELP and TYPE lines (counted for every router,
            // though written once) and the sample line.
            int json = name.Length + 24;
            int metrics = (2 * (15 + name.Length)) + help.Length + 24 + 15 + name.Length + LabelBytes;
            Bytes += json > metrics ? json : metrics;
        }
    }
}
