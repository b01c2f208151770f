using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Health
{
    /// <summary>
    /// Free memory below a floor (<c>/system/resource</c> <c>free-memory</c>, <c>total-memory</c>):
    /// a leak in a package or a runaway script eats RouterOS's memory until the router stops
    /// routing, and a reboot gives it back. The floor is <see cref="MinFreeBytes"/>, a share
    /// <see cref="MinFreePercent"/> of total memory, or both (either one fails the round).
    /// </summary>
    public sealed class FreeMemoryFloorCheck : IHealthCheck
    {
        private int _free = -1;
        private int _total = -1;

        /// <inheritdoc />
        public string Name { get; set; } = "free-memory";

        /// <inheritdoc />
        public bool ReportOnly { get; set; }

        /// <summary>Free memory below this many bytes fails the round. 0: no floor in bytes.</summary>
        public long MinFreeBytes { get; set; }

        /// <summary>Free memory below this share (percent) of total memory fails the round. 0: no floor in percent.</summary>
        public int MinFreePercent { get; set; } = 3;

        /// <inheritdoc />
        public string Validate()
        {
            if (MinFreePercent < 0 || MinFreePercent > 99 || MinFreeBytes < 0)
            {
                return "free-memory floor out of range (percent 0-99, bytes 0 or more)";
            }

            return null;
        }

        /// <inheritdoc />
        public IHealthCheck Copy()
        {
            return new FreeMemoryFloorCheck { Name = Name, ReportOnly = ReportOnly, MinFreeBytes = MinFreeBytes, MinFreePercent = MinFreePercent };
        }

        /// <inheritdoc />
        public void Declare(ProbeRequest request)
        {
            _free = request.AddResource("free-memory");
            _total = request.AddResource("total-memory");
        }

        /// <inheritdoc />
        public bool Judge(IProbedValues round)
        {
            long free = round.ApiReachable ? round.Resource(_free) : -1;
            long floor = Floor(round);
            return free >= 0 && floor > 0 && free < floor;
        }

        /// <inheritdoc />
        public void Reset()
        {
        }

        /// <inheritdoc />
        public string Finding(IProbedValues round)
        {
            long floor = round == null ? -1 : Floor(round);
            if (floor <= 0)
            {
                return "free memory below its floor";
            }

            return "free memory " + (round.Resource(_free) / 1024).ToString() + " KiB below " + (floor / 1024).ToString() + " KiB";
        }

        /// <inheritdoc />
        public void WriteFields(ICheckFieldWriter fields, IProbedValues round)
        {
            fields.Number("free_memory_bytes", "free-memory reported in the last probe round.", round.Resource(_free));
            fields.Number("total_memory_bytes", "total-memory reported in the last probe round.", round.Resource(_total));
            fields.Number("free_memory_floor_bytes", "Free memory below which the check fails (the higher of the two floors).", Floor(round));
        }

        // The higher of the two floors; -1 when there is none or the percent floor's total is unknown.
        private long Floor(IProbedValues round)
        {
            long floor = MinFreeBytes > 0 ? MinFreeBytes : -1;
            long total = round.Resource(_total);
            if (MinFreePercent > 0 && total > 0)
            {
                // Rounded up: free memory below the exact share fails, as free * 100 < total * percent.
                long share = (total * MinFreePercent + 99) / 100;
                if (share > floor)
                {
                    floor = share;
                }
            }

            return floor;
        }
    }
}
