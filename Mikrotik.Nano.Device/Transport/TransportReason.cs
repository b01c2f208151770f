namespace Mikrotik.Nano
{
    /// <summary>Why a transport failed, as <see cref="TransportOutcomeTable"/> reads it; each has its own message.</summary>
    public enum TransportReason
    {
        /// <summary>The board ran out of memory (never counted against the router).</summary>
        BoardOutOfMemory = 0,

        /// <summary>The TCP connection was not answered in time.</summary>
        ConnectTimedOut = 1,

        /// <summary>The router refused the TCP connection.</summary>
        ConnectRefused = 2,

        /// <summary>The name did not resolve.</summary>
        HostNotFound = 3,

        /// <summary>Any other connect failure.</summary>
        ConnectFailed = 4,

        /// <summary>The service accepted TCP and sent no TLS answer in time.</summary>
        HandshakeTimedOut = 5,

        /// <summary>The peer closed or reset the connection during the handshake.</summary>
        HandshakePeerClosed = 6,

        /// <summary>The router's certificate did not verify (CA, name, dates, or the board's date unset).</summary>
        CertificateRejected = 7,

        /// <summary>The router refused the handshake (alert; no common cipher).</summary>
        HandshakeRefused = 8,

        /// <summary>The peer answered with something that is not TLS.</summary>
        NotTls = 9,

        /// <summary>The board could not set up TLS (no free context, parse failure: firmware SslError codes).</summary>
        TlsSetupFailed = 10,

        /// <summary>A plain socket error during the handshake.</summary>
        HandshakeIo = 11,

        /// <summary>A CryptographicException without a code: the firmware does not say why.</summary>
        HandshakeNoCode = 12,

        /// <summary>Any other handshake failure.</summary>
        HandshakeFailed = 13,

        /// <summary>A read or write timed out on an established connection.</summary>
        IoTimedOut = 14,

        /// <summary>The router closed an established connection.</summary>
        PeerClosed = 15,

        /// <summary>Any other read or write failure.</summary>
        IoFailed = 16,
    }
}
