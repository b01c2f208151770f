using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Wiring
{
    /// <summary>
    /// What the board gives the watchdog: its clock, LED, network, relays and board watchdog.
    /// <c>Platform/Program.cs</c> fills it from the hardware; the host runner and the tests from
    /// simulations and fakes.
    /// </summary>
    public sealed class WatchdogBoard
    {
        /// <summary>Monotonic clock.</summary>
        public IClock Clock { get; set; }

        /// <summary>The status LED.</summary>
        public IStatusLed Led { get; set; }

        /// <summary>The board's own network.</summary>
        public INetworkStatus Network { get; set; }

        /// <summary>
        /// The relays, one slot per configured router in the configuration's order (null for a
        /// router without one; a null array for none at all). Made before anything else, so the
        /// routers' power is held from the earliest moment.
        /// </summary>
        public IPowerRelay[] Relays { get; set; }

        /// <summary>Fed after every round and action; null for none.</summary>
        public BoardWatchdog BoardWatchdog { get; set; }
    }
}
