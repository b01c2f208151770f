// Device-only: wires the status endpoint and syslog to the board's sockets. Listed in
// Esp32Watchdog.nfproj, excluded from the host build.
using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
using Esp32Watchdog.Status.Http;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Status.Syslog;
using Mikrotik.Nano;

namespace Esp32Watchdog.Platform
{
    /// <summary>Builds what the site's monitoring sees: the decision log behind the status (syslog, the console) and the HTTP endpoint.</summary>
    internal static class Monitoring
    {
        /// <summary>Where decisions go after the status: syslog (when configured), then the console.</summary>
        internal static IDecisionLog CreateLog(WatchdogConfig config)
        {
            MonitoringConfig monitoring = config.Monitoring;
            IDecisionLog console = new ConsoleDecisionLog();
            IDecisionLog next = console;
            if (monitoring.SyslogCollector != null && monitoring.SyslogCollector.Length > 0)
            {
                byte[] address = new byte[4];
                Ipv4Text.TryParse(monitoring.SyslogCollector, address);
                next = new SyslogDecisionLog(new UdpDatagramSender(address, monitoring.SyslogPort), monitoring.BoardName, console);
            }

            return next;
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
