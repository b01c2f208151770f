namespace Esp32Watchdog.Ports
{
    /// <summary>Reboots one router through its API (<c>/system/reboot</c>). One instance per router.</summary>
    public interface IRouterRebooter
    {
        /// <summary>
        /// Sends the reboot command (connecting and logging in first if needed) and waits briefly
        /// for the outcome. Blocking, bounded by the probe timeout.
        /// </summary>
        /// <param name="request">The <see cref="DecisionCode.RebootRequested"/> decision: why the router is rebooted (a rebooter may leave it in the router's log).</param>
        /// <returns><see cref="RebootResult.Rebooting"/> for <c>!done</c>, a dropped connection or <c>!fatal</c>; otherwise <see cref="RebootResult.Failed"/>.</returns>
        RebootResult Reboot(Decision request);
    }
}
