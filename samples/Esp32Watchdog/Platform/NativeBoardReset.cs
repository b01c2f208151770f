// Device-only: nanoFramework.Runtime.Native cannot be restored on build machines. Listed in
// Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj.
using System;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using nanoFramework.Runtime.Native;

namespace Esp32Watchdog.Platform
{
    /// <summary>Restarts the board through <c>Power.RebootDevice()</c>.</summary>
    internal sealed class NativeBoardReset : IBoardReset
    {
        public void ResetBoard(string reason)
        {
            Console.WriteLine("board reset: " + reason);
            Power.RebootDevice();
        }
    }
}
