using Esp32Watchdog.Configuration;
using Esp32Watchdog.Status.Formats;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// Writes one line to a router's own log before the watchdog reboots it
    /// (<c>/log/warning =message=...</c>, shown in the router's log with the topics
    /// <c>script,warning</c>), so whoever reads that log afterwards sees why. Bounded and
    /// optional: a trap (e.g. a user group without the policy the command needs), a timeout or
    /// a lost connection is counted and the reboot goes ahead.
    /// </summary>
    /// <remarks>The line is built in a buffer allocated once; nothing is allocated per trace.</remarks>
    public sealed class RouterLogTrace
    {
        /// <summary>The longest a trace may take before the reboot goes ahead without it.</summary>
        public const int TimeoutMilliseconds = 3000;

        /// <summary>The longest line written (bytes); a longer reason is cut.</summary>
        public const int MaxMessageBytes = 200;

        private readonly string _boardName;
        private readonly string _routerName;
        private readonly CommandBuffer _command = new CommandBuffer(MaxMessageBytes + 48);
        private readonly RowTable _rows = new RowTable(new string[] { "message" }, 1, 64);
        private readonly ByteWriter _message = new ByteWriter(MaxMessageBytes);

        /// <summary>Creates the trace of one router.</summary>
        /// <param name="config">The configuration (the board's name).</param>
        /// <param name="router">The router.</param>
        public RouterLogTrace(WatchdogConfig config, RouterConfig router)
        {
            _boardName = config.Monitoring == null ? "esp32-watchdog" : config.Monitoring.BoardName;
            _routerName = router.Name;
        }

        /// <summary>Traces written.</summary>
        public int Written { get; private set; }

        /// <summary>Traces that failed (the reboot went ahead anyway).</summary>
        public int Failed { get; private set; }

        /// <summary>The outcome of the last trace.</summary>
        public ErrorCode LastResult { get; private set; }

        /// <summary>The message of the last trace (for tests and the host's display; allocates).</summary>
        /// <returns>The line.</returns>
        public string LastMessage()
        {
            return _message.ToString();
        }

        /// <summary>
        /// Formats the line: "BOARD: rebooting ROUTER through the API: REASON".
        /// </summary>
        /// <param name="reason">The decision's reason; null for none.</param>
        /// <returns>The writer holding the line.</returns>
        public ByteWriter Format(string reason)
        {
            _message.Clear();
            _message.Text(_boardName);
            _message.Text(": rebooting ");
            _message.Text(_routerName, 32);
            _message.Text(" through the API");
            if (reason != null && reason.Length > 0)
            {
                _message.Text(": ");
                _message.Text(reason);
            }

            // A long reason is cut: the start of the line says who and why.
            _message.KeepWhatFitted();
            return _message;
        }

        /// <summary>Writes the line on a connected client; never throws.</summary>
        /// <param name="client">The router's connected client.</param>
        /// <param name="reason">The decision's reason.</param>
        /// <returns><see cref="ErrorCode.None"/> when the router accepted the line.</returns>
        public ErrorCode Write(ApiClient client, string reason)
        {
            ErrorCode result;
            try
            {
                ByteWriter message = Format(reason);
                CommandWriter command = _command.Begin().Path("/log/warning")
                    .Attribute("message", message.Buffer, message.Start, message.Length);
                result = client.Run(command, _rows, TimeoutMilliseconds);
            }
            catch (MikrotikException e)
            {
                result = e.Code;
            }

            LastResult = result;
            if (result == ErrorCode.None)
            {
                Written++;
            }
            else
            {
                Failed++;
            }

            return result;
        }
    }
}
