namespace Esp32Watchdog.RouterOs
{
    /// <summary>Why the watchdog is about to reboot a router: the reason of its last reboot decision.</summary>
    public interface IRebootReasons
    {
        /// <summary>The reason of the last reboot request for a router.</summary>
        /// <param name="routerIndex">Index into the configured routers.</param>
        /// <returns>The reason, or null when none is known.</returns>
        string RebootReason(int routerIndex);
    }
}
