namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Tries a TCP connection to a router's second port (Winbox 8291, SSH 22, HTTP 80...) and
    /// closes it at once: the independent evidence a power cut needs (see
    /// <c>Supervision/ProofOfDeath</c>). The board's sockets in the firmware, .NET's on the host.
    /// </summary>
    public interface IPortKnock
    {
        /// <summary>Connects and closes. Blocking: bounded by the timeout, or on nanoFramework by lwIP's SYN retries.</summary>
        /// <param name="host">The router's host name or address.</param>
        /// <param name="port">The port to try.</param>
        /// <param name="timeoutMilliseconds">How long to wait for an answer, where the platform can bound it.</param>
        /// <returns>What the attempt showed.</returns>
        PortAnswer Knock(string host, int port, int timeoutMilliseconds);
    }
}
