namespace Mikrotik.Nano
{
    /// <summary>Where a transport was when it failed; <see cref="TransportErrors"/> classifies by it.</summary>
    public enum TransportStage
    {
        /// <summary>Resolving the name or opening the TCP connection.</summary>
        Connect = 0,

        /// <summary>The TLS handshake (API-SSL), before any API byte.</summary>
        Handshake = 1,

        /// <summary>Reading from an established connection.</summary>
        Read = 2,

        /// <summary>Writing to an established connection.</summary>
        Write = 3,
    }
}
