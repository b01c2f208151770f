namespace Esp32Watchdog.Ports
{
    /// <summary>The board's free managed heap, for the status endpoint.</summary>
    public interface IFreeMemory
    {
        /// <summary>Free managed-heap bytes now, or -1 when unknown (e.g. on the host).</summary>
        /// <returns>Bytes or -1.</returns>
        long FreeBytes();
    }
}
