namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Keeps the watchdog's actions (API reboots, power-cycles) across board resets, so that a
    /// board that restarts (a brown-out when the relay switches, a crash) does not forget its rate
    /// limit. The store measures ages with a clock that survives a reset (the wall clock after
    /// SNTP); an action whose age it cannot tell is reported with age 0, i.e. as recent.
    /// </summary>
    /// <remarks>
    /// nanoFramework on ESP32 exposes no RTC memory to managed code; a small file on the internal
    /// flash (nanoFramework.System.IO.FileSystem) can hold it. That package is not in this build's
    /// package set, so the firmware ships without a store (history in RAM, say so in the log) and
    /// the contract is tested with an in-memory fake.
    /// </remarks>
    public interface IActionHistoryStore
    {
        /// <summary>Loads the remembered actions of one router.</summary>
        /// <param name="routerIndex">Index into the configuration's routers.</param>
        /// <param name="agesMilliseconds">Receives how long ago each action was taken.</param>
        /// <returns>How many entries were written.</returns>
        int Load(int routerIndex, long[] agesMilliseconds);

        /// <summary>Remembers that an action on one router was taken now.</summary>
        /// <param name="routerIndex">Index into the configuration's routers.</param>
        void Record(int routerIndex);
    }
}
