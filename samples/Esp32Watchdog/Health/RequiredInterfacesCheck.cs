using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Health
{
    /// <summary>
    /// Named interfaces that must be running: the LAN ports, or an uplink such as an LTE modem
    /// (<c>lte1</c>) or a PPPoE session (<c>pppoe-out1</c>), whose <c>running</c> flag drops when
    /// the modem hangs or the session dies. An interface that is disabled or missing counts as
    /// not running. Register it once per group under its own <see cref="Name"/> (e.g.
    /// <c>interfaces</c> and <c>uplink</c>) to give each group its own <see cref="ReportOnly"/>.
    /// </summary>
    /// <remarks>
    /// By default it acts: a hung LTE modem or PPPoE session is what a reboot fixes. Set
    /// <see cref="ReportOnly"/> for an uplink whose outages are the provider's (a reboot would
    /// only cut the LAN too).
    /// </remarks>
    public sealed class RequiredInterfacesCheck : IHealthCheck
    {
        private int[] _slots = new int[0];

        /// <inheritdoc />
        public string Name { get; set; } = "interfaces";

        /// <inheritdoc />
        public bool ReportOnly { get; set; }

        /// <summary>The interface names (strings; an <c>object[]</c>, see the remarks of <see cref="IHealthCheck"/>).</summary>
        public object[] Interfaces { get; set; } = new object[0];

        /// <inheritdoc />
        public string Validate()
        {
            return HealthCheckNames.CheckList(Interfaces, "interface");
        }

        /// <inheritdoc />
        public IHealthCheck Copy()
        {
            return new RequiredInterfacesCheck { Name = Name, ReportOnly = ReportOnly, Interfaces = Interfaces };
        }

        /// <inheritdoc />
        public void Declare(ProbeRequest request)
        {
            _slots = new int[Interfaces.Length];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = request.AddInterface((string)Interfaces[i]);
            }
        }

        /// <inheritdoc />
        public bool Judge(IProbedValues round)
        {
            return round.ApiReachable && NotRunning(round) > 0;
        }

        /// <inheritdoc />
        public void Reset()
        {
        }

        /// <inheritdoc />
        public string Finding(IProbedValues round)
        {
            string names = string.Empty;
            for (int i = 0; round != null && i < _slots.Length; i++)
            {
                if (round.InterfaceRunning(_slots[i]) == 0)
                {
                    names = names + (names.Length == 0 ? " " : ",") + (string)Interfaces[i];
                }
            }

            return "not running:" + (names.Length == 0 ? " interfaces" : names);
        }

        /// <inheritdoc />
        public void WriteFields(ICheckFieldWriter fields, IProbedValues round)
        {
            fields.Number("interfaces_not_running", "Required interfaces not running (or missing) in the last probe round.", round.ApiReachable ? NotRunning(round) : -1);
        }

        private int NotRunning(IProbedValues round)
        {
            int count = 0;
            for (int i = 0; i < _slots.Length; i++)
            {
                if (round.InterfaceRunning(_slots[i]) == 0)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
