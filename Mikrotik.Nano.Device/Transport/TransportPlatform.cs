namespace Mikrotik.Nano
{
    /// <summary>Which transports an entry of <see cref="TransportOutcomeTable"/> applies to (flags).</summary>
    public enum TransportPlatform
    {
        /// <summary>nanoFramework's System.Net natives (SocketException with WinSock or Mbed TLS codes, CryptographicException).</summary>
        Nano = 1,

        /// <summary>.NET's sockets and SslStream (tools/HostTransport), mapped to the same names and codes.</summary>
        Host = 2,

        /// <summary>Both.</summary>
        Any = 3,
    }
}
