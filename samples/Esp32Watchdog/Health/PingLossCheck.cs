using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Health
{
    /// <summary>
    /// Packet loss from the router to addresses it should reach (<c>/ping</c> run on the router):
    /// the round fails when the loss to any target is above <see cref="MaxLossPercent"/>.
    /// </summary>
    public sealed class PingLossCheck : IHealthCheck
    {
        private int[] _slots = new int[0];

        /// <inheritdoc />
        public string Name { get; set; } = "ping-loss";

        /// <inheritdoc />
        public bool ReportOnly { get; set; }

        /// <summary>Addresses the router pings from itself each round (strings; an <c>object[]</c>, see the remarks of <see cref="IHealthCheck"/>).</summary>
        public object[] Targets { get; set; } = new object[0];

        /// <summary>Echo requests per target per round (<c>/ping =count=N</c>), 1-10.</summary>
        public int Count { get; set; } = 3;

        /// <summary>Packet loss (percent) to a target above which the round fails.</summary>
        public int MaxLossPercent { get; set; } = 50;

        /// <inheritdoc />
        public string Validate()
        {
            string list = HealthCheckNames.CheckList(Targets, "ping target");
            if (list != null)
            {
                return list;
            }

            if (Count < 1 || Count > 10)
            {
                return "ping count out of range (1-10)";
            }

            return MaxLossPercent < 0 || MaxLossPercent > 99 ? "ping-loss threshold out of range (0-99)" : null;
        }

        /// <inheritdoc />
        public IHealthCheck Copy()
        {
            return new PingLossCheck { Name = Name, ReportOnly = ReportOnly, Targets = Targets, Count = Count, MaxLossPercent = MaxLossPercent };
        }

        /// <inheritdoc />
        public void Declare(ProbeRequest request)
        {
            _slots = new int[Targets.Length];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = request.AddPingTarget((string)Targets[i], Count);
            }
        }

        /// <inheritdoc />
        public bool Judge(IProbedValues round)
        {
            return round.ApiReachable && Lost(round) > 0;
        }

        /// <inheritdoc />
        public void Reset()
        {
        }

        /// <inheritdoc />
        public string Finding(IProbedValues round)
        {
            string lost = string.Empty;
            for (int i = 0; round != null && i < _slots.Length; i++)
            {
                int loss = round.PingLoss(_slots[i]);
                if (loss > MaxLossPercent)
                {
                    lost = lost + (lost.Length == 0 ? " " : ",") + (string)Targets[i] + " " + loss.ToString() + "%";
                }
            }

            return "ping loss" + (lost.Length == 0 ? " above " + MaxLossPercent.ToString() + "%" : lost);
        }

        /// <inheritdoc />
        public void WriteFields(ICheckFieldWriter fields, IProbedValues round)
        {
            int worst = -1;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (round.PingLoss(_slots[i]) > worst)
                {
                    worst = round.PingLoss(_slots[i]);
                }
            }

            fields.Number("ping_loss_max_percent", "Worst packet loss to the ping targets in the last probe round.", worst);
            fields.Number("ping_targets_lost", "Ping targets with packet loss above the threshold in the last probe round.", round.ApiReachable ? Lost(round) : -1);
        }

        private int Lost(IProbedValues round)
        {
            int lost = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (round.PingLoss(_slots[i]) > MaxLossPercent)
                {
                    lost++;
                }
            }

            return lost;
        }
    }
}
