namespace Esp32Watchdog.Ports
{
    /// <summary>What a TCP connection attempt to a router's second port showed (see <see cref="IPortKnock"/>).</summary>
    public enum PortAnswer
    {
        /// <summary>The router answered: SYN-ACK (connected) or RST (refused). Its kernel is alive.</summary>
        Answered = 0,

        /// <summary>Neither SYN-ACK nor RST before the attempt ended: no sign of life.</summary>
        Silent = 1,

        /// <summary>The board could not try (no address, name not resolved, no free socket, no route): proves nothing.</summary>
        BoardError = 2,
    }
}
