// Device-only: needs nanoFramework.Runtime.Native (System.Environment.TickCount64, the board's
// millisecond tick count). Listed in Esp32Watchdog.nfproj, excluded from the host build.
using System;
using Mikrotik.Nano;

namespace Esp32Watchdog.Platform
{
    /// <summary>The board's tick count: keeps counting through native stalls, never set by SNTP.</summary>
    internal sealed class BoardTicks : ITickSource
    {
        public long TickMilliseconds
        {
            get { return Environment.TickCount64; }
        }
    }
}
