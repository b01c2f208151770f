namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Takes one health sample of one router. One instance per router, built from its
    /// <see cref="Esp32Watchdog.Configuration.RouterConfig"/>; called from the supervisor's loop only.
    /// </summary>
    /// <remarks>
    /// Over a blocking RouterOS client, a round is: connect and log in if not connected
    /// (<see cref="HealthSample.MarkLoggedIn"/> or <see cref="HealthSample.MarkFailed"/>), then
    /// <c>/system/resource/print =.proplist=uptime,cpu-load,free-memory,total-memory</c> (uptime
    /// through <see cref="Mikrotik.Nano.RouterOsValue.TryParseDuration"/>), <c>/interface/print
    /// =.proplist=name,running,disabled</c> (each watched name that is not running, disabled or
    /// absent goes to <see cref="HealthSample.AddInterfaceNotRunning"/> — pass the configured
    /// string), and per ping target <c>/ping =address=A =count=N</c> (the last <c>packet-loss</c>
    /// to <see cref="HealthSample.SetPingLoss"/>). A failure after login leaves the remaining
    /// values unknown (-1) and the sample still logged in. The whole round must stay within
    /// <see cref="Esp32Watchdog.Configuration.WatchdogConfig.ProbeTimeoutMilliseconds"/>.
    /// Keeping the session open between rounds is allowed and saves the TLS handshake.
    /// </remarks>
    public interface IRouterProbe
    {
        /// <summary>Runs one probe round. The sample arrives <see cref="HealthSample.Reset"/>.</summary>
        /// <param name="sample">Filled with what the router reported.</param>
        void Probe(HealthSample sample);
    }
}
