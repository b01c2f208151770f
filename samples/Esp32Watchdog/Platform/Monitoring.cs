// Device-only: wires the status endpoint and syslog to the board's sockets. Listed in
// Esp32Watchdog.nfproj, excluded from the host build.
using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Status.Syslog;
using Mikrotik.Nano;

namespace Esp32Watchdog.Platform
{
    /// <summary>Builds what the site's monitoring sees: the status (with syslog behind it) and the HTTP endpoint.</summary>
    internal static class Monitoring
    {
        /// <summary>The status, in front of syslog (when configured) and the console.</summary>
        internal static WatchdogStatus CreateStatus(WatchdogConfig config, IDecisionLog console, IClock clock)
        {
            MonitoringConfig monitoring = config.Monitoring;
            IDecisionLog next = console;
            if (monitoring.SyslogCollector != null && monitoring.SyslogCollector.Length > 0)
            {
                byte[] address = new byte[4];
                Ipv4Text.TryParse(monitoring.SyslogCollector, address);
                next = new SyslogDecisionLog(new UdpDatagramSender(address, monitoring.SyslogPort), monitoring.BoardName, console);
            }

            return new WatchdogStatus(config, next, clock);
        }

        /// <summary>Starts the status endpoint on its own thread, unless its port is 0.</summary>
        internal static void StartHttp(WatchdogConfig config, WatchdogStatus status, IClock clock, IFreeMemory heap)
        {
            int port = config.Monitoring.StatusHttpPort;
            if (port == 0)
            {
                return;
            }

            try
            {
                StatusHttpHandler handler = new StatusHttpHandler(status, heap, StatusHttpHandler.BodyCapacityFor(config.Routers.Length));
                new StatusHttpServer(port, handler, clock).Start();
            }
            catch (Exception ex)
            {
                // Without the endpoint the watchdog still does its job.
                Console.WriteLine("status endpoint not started: " + ExceptionText.Describe(ex, "status server start"));
            }
        }
    }
}
