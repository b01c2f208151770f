// Device-only: needs nanoFramework.Runtime.Native. Listed in Esp32Watchdog.nfproj, excluded from the host build.
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Report;

namespace Esp32Watchdog.Platform
{
    /// <summary>The board's free managed heap, measured after a collection (once per main-loop pass, through SampledFreeMemory).</summary>
    internal sealed class NativeFreeMemory : IFreeMemory
    {
        public long FreeBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(false);
        }
    }
}
