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
        /// <exception cref="MikrotikException"><see cref="ErrorCode.TlsError"/> when the certificate is refused;
        /// any other exception means the router could not be reached.</exception>
        ITransport Open(RouterConfig router);
    }
}
