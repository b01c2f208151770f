using Esp32Watchdog.Configuration;
using Mikrotik.Nano;

namespace Esp32Watchdog.RouterOs
{
    /// <summary>
    /// Opens a connected transport to a router's API: sockets or TLS on the board
    /// (Platform/NanoTransportFactory), .NET sockets on the host.
    /// </summary>
    public interface ITransportFactory
    {
        /// <summary>Connects to <paramref name="router"/> (TCP, or TLS with its certificate settings).</summary>
        /// <param name="router">The router.</param>
        /// <returns>The connected transport.</returns>
        /// <exception cref="MikrotikException">Every failure the router or the network can cause, classified as
        /// <see cref="TransportErrors"/> does: <see cref="ErrorCode.TlsError"/> only when TLS authentication
        /// failed (not counted against the router), <see cref="ErrorCode.Timeout"/> or
        /// <see cref="ErrorCode.TransportError"/> when the router could not be reached. Any other exception
        /// is taken as the board's own error and never counts against the router.</exception>
        ITransport Open(RouterConfig router);
    }
}
