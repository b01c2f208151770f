using System;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Status
{
    /// <summary>Writes each decision as one line to the console (the serial port or the debugger on the device).</summary>
    public sealed class ConsoleDecisionLog : IDecisionLog
    {
        /// <inheritdoc />
        public void Record(Decision decision)
        {
            try
            {
                Console.WriteLine(decision.ToString());
            }
            catch (Exception)
            {
                // A log must never take the watchdog down.
            }
        }
    }
}
