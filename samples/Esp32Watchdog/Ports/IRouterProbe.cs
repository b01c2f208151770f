namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Takes one health sample of one router. One instance per router, built from its
    /// <see cref="Esp32Watchdog.Configuration.RouterConfig"/>; called from the supervisor's loop only.
    /// </summary>
    /// <remarks>
    /// A round fetches what the router's health checks declared (<see cref="HealthSample.Request"/>,
    /// a <see cref="ProbeRequest"/>): connect and log in if not connected
    /// (<see cref="HealthSample.MarkLoggedIn"/> or <see cref="HealthSample.MarkFailed"/>), the uptime
    /// (through <see cref="Mikrotik.Nano.RouterOsValue.TryParseDuration"/>) and the requested resource
    /// values (<see cref="HealthSample.SetResource"/>), whether each requested interface is running
    /// (<see cref="HealthSample.SetInterfaceRunning"/>: disabled or absent is not running), and
    /// the packet loss to each requested ping target (<see cref="HealthSample.SetPingLoss"/>). A
    /// failure after login leaves the remaining values unknown (-1) and the sample still logged in.
    /// The whole round must stay within
    /// <see cref="Esp32Watchdog.Configuration.WatchdogConfig.ProbeRoundMilliseconds"/>.
    /// Keeping the session open between rounds is allowed and saves the TLS handshake.
    /// </remarks>
    public interface IRouterProbe
    {
        /// <summary>Runs one probe round. The sample arrives <see cref="HealthSample.Reset"/>.</summary>
        /// <param name="sample">Filled with what the router reported.</param>
        void Probe(HealthSample sample);
    }
}
