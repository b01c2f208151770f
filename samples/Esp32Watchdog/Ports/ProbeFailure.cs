namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Why a probe could not talk to the router's API. Only the "unreachable" kinds can make a
    /// router unhealthy: a router that answers (even to refuse us) is alive, and rebooting it
    /// would not fix a wrong password or certificate.
    /// </summary>
    public enum ProbeFailure
    {
        /// <summary>The API answered and the session logged in.</summary>
        None = 0,

        /// <summary>Unreachable: TCP connect refused, reset, or not answered.</summary>
        ConnectFailed = 1,

        /// <summary>Unreachable: connected, but the router stopped answering (TLS handshake, login or a command timed out).</summary>
        Timeout = 2,

        /// <summary>Misconfigured, not counted: the TLS handshake completed but the certificate was refused.</summary>
        TlsRejected = 3,

        /// <summary>Misconfigured, not counted: the router refused the user name or password.</summary>
        LoginRejected = 4,

        /// <summary>Not counted: the router answered something the client could not use.</summary>
        ProtocolError = 5,

        /// <summary>Not counted: an error of the board itself (out of memory, an exception in the probe).</summary>
        ProbeError = 6,
    }
}
