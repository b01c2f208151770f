// Device-only: listed in Esp32Watchdog.nfproj, excluded from the host build.
using System.Threading;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Platform
{
    /// <summary><see cref="IDelay"/> as Thread.Sleep.</summary>
    internal sealed class ThreadDelay : IDelay
    {
        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}
