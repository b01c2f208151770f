namespace Esp32Watchdog.Ports
{
    /// <summary>Sends one datagram to a fixed destination (UDP on the board). Must not block for long.</summary>
    public interface IDatagramSender
    {
        /// <summary>Sends the bytes as one datagram; may throw on a network error.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many.</param>
        void Send(byte[] buffer, int offset, int count);
    }
}
