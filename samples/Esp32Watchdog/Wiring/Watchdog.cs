using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Wiring
{
    /// <summary>The assembled watchdog (<see cref="WatchdogAssembly.Build"/>): the supervisor to tick and the status it feeds.</summary>
    public sealed class Watchdog
    {
        internal Watchdog(WatchdogSupervisor supervisor, WatchdogStatus status)
        {
            Supervisor = supervisor;
            Status = status;
        }

        /// <summary>Runs the watch: call <see cref="WatchdogSupervisor.Tick"/> from the main loop.</summary>
        public WatchdogSupervisor Supervisor { get; }

        /// <summary>What the status endpoint and the metrics show; every decision passes through it.</summary>
        public WatchdogStatus Status { get; }
    }
}
