namespace Esp32Watchdog.Supervision
{
    /// <summary>Reboots one router through its API (<c>/system/reboot</c>). One instance per router.</summary>
    public interface IRouterRebooter
    {
        /// <summary>
        /// Sends the reboot command (connecting and logging in first if needed) and waits briefly
        /// for the outcome. Blocking, bounded by the probe timeout.
        /// </summary>
        /// <returns><see cref="RebootResult.Rebooting"/> for <c>!done</c>, a dropped connection or <c>!fatal</c>; otherwise <see cref="RebootResult.Failed"/>.</returns>
        RebootResult Reboot();
    }
}
