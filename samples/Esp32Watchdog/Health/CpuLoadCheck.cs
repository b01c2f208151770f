using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Health
{
    /// <summary>
    /// cpu-load pegged for several rounds in a row (<c>/system/resource</c> <c>cpu-load</c>).
    /// Spikes are normal, so one round is never enough: the finding needs
    /// <see cref="ConsecutiveSamples"/> rounds at or above <see cref="ThresholdPercent"/>.
    /// </summary>
    /// <remarks>
    /// A round without a reading (the API did not answer, or the field was not read) neither
    /// grows nor restarts the streak, so a router that went silent while pegged stays pegged.
    /// </remarks>
    public sealed class CpuLoadCheck : IHealthCheck
    {
        private int _slot = -1;
        private int _streak;

        /// <inheritdoc />
        public string Name { get; set; } = "cpu-load";

        /// <inheritdoc />
        public bool ReportOnly { get; set; }

        /// <summary>cpu-load (percent) at or above which a round counts as pegged. Above 100 disables the check.</summary>
        public int ThresholdPercent { get; set; } = 98;

        /// <summary>Consecutive pegged rounds before the check fails.</summary>
        public int ConsecutiveSamples { get; set; } = 10;

        /// <summary>Consecutive rounds at or above the threshold so far.</summary>
        public int Streak
        {
            get { return _streak; }
        }

        /// <inheritdoc />
        public string Validate()
        {
            return ThresholdPercent < 1 || ConsecutiveSamples < 1 ? "cpu-load threshold or samples out of range" : null;
        }

        /// <inheritdoc />
        public IHealthCheck Copy()
        {
            return new CpuLoadCheck { Name = Name, ReportOnly = ReportOnly, ThresholdPercent = ThresholdPercent, ConsecutiveSamples = ConsecutiveSamples };
        }

        /// <inheritdoc />
        public void Declare(ProbeRequest request)
        {
            _slot = request.AddResource("cpu-load");
        }

        /// <inheritdoc />
        public bool Judge(IProbedValues round)
        {
            long load = round.ApiReachable ? round.Resource(_slot) : -1;
            if (load >= 0)
            {
                _streak = load >= ThresholdPercent ? _streak + 1 : 0;
            }

            return _streak >= ConsecutiveSamples;
        }

        /// <inheritdoc />
        public void Reset()
        {
            _streak = 0;
        }

        /// <inheritdoc />
        public string Finding(IProbedValues round)
        {
            return "cpu-load >= " + ThresholdPercent.ToString() + "% for " + _streak.ToString() + " samples";
        }

        /// <inheritdoc />
        public void WriteFields(ICheckFieldWriter fields, IProbedValues round)
        {
            fields.Number("cpu_load_percent", "cpu-load reported in the last probe round.", round.Resource(_slot));
            fields.Number("cpu_high_streak", "Consecutive probe rounds with cpu-load at or above the threshold.", _streak);
        }
    }
}
