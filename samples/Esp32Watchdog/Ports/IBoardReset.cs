namespace Esp32Watchdog.Ports
{
    /// <summary>Restarts the board (on the device: <c>Power.RebootDevice()</c>).</summary>
    public interface IBoardReset
    {
        /// <summary>Restarts the board. May not return.</summary>
        /// <param name="reason">Why, for the log written just before.</param>
        void ResetBoard(string reason);
    }
}
