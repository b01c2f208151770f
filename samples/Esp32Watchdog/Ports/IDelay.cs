namespace Esp32Watchdog.Ports
{
    /// <summary>A blocking wait (Thread.Sleep on the device; virtual time in tests).</summary>
    public interface IDelay
    {
        /// <summary>Blocks the calling thread.</summary>
        /// <param name="milliseconds">How long.</param>
        void Sleep(int milliseconds);
    }
}
