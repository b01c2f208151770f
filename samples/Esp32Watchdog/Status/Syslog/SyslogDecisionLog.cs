using System;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;

namespace Esp32Watchdog.Status.Syslog
{
    /// <summary>
    /// Sends every decision to a syslog collector (<see cref="SyslogFormatter"/>) and passes it on
    /// to the next log. A failed send is counted, never thrown: the watch loop must not stop for
    /// a collector that is down.
    /// </summary>
    public sealed class SyslogDecisionLog : IDecisionLog
    {
        private readonly IDecisionLog _next;
        private readonly IDatagramSender _sender;
        private readonly string _hostName;
        private readonly ByteWriter _message = new ByteWriter(SyslogFormatter.MaxMessageBytes);

        /// <summary>Creates the log.</summary>
        /// <param name="sender">Sends the datagrams.</param>
        /// <param name="hostName">HOSTNAME in each message (the board's name).</param>
        /// <param name="next">The log decisions go on to; may be null.</param>
        public SyslogDecisionLog(IDatagramSender sender, string hostName, IDecisionLog next)
        {
            if (sender == null)
            {
                throw new ArgumentNullException("sender");
            }

            _sender = sender;
            _hostName = hostName;
            _next = next;
        }

        /// <summary>Messages sent.</summary>
        public int Sent { get; private set; }

        /// <summary>Messages that could not be sent.</summary>
        public int Failed { get; private set; }

        /// <inheritdoc />
        public void Record(Decision decision)
        {
            try
            {
                DateTime now = DateTime.UtcNow;

                // Before SNTP the board's clock starts in the past; a time before 2025 is not real.
                SyslogFormatter.Write(decision, _hostName, now.Year >= 2025, now, _message);
                _sender.Send(_message.Buffer, _message.Start, _message.Length);
                Sent++;
            }
            catch (Exception)
            {
                Failed++;
            }

            if (_next != null)
            {
                _next.Record(decision);
            }
        }
    }
}
