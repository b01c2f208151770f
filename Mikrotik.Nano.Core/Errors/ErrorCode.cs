namespace Mikrotik.Nano
{
    /// <summary>
    /// Every way an operation or a connection can fail, as a code the caller can switch on.
    /// The same codes are used by the core and by the client built on it.
    /// </summary>
    public enum ErrorCode
    {
        /// <summary>No error.</summary>
        None = 0,

        // Stream and protocol errors: the connection is dead after any of these.

        /// <summary>The router sent a reserved control byte (0xF8..0xFF) where a length was due.</summary>
        ReservedControlByte = 1,

        /// <summary>The router sent a length prefix 0xF1..0xF7, which no RouterOS version uses.</summary>
        UnsupportedLengthPrefix = 2,

        /// <summary>The router sent <c>!fatal</c> and closes the connection; the reason is in the reply.</summary>
        Fatal = 3,

        /// <summary>The router (or the transport) closed the connection.</summary>
        PeerClosed = 4,

        /// <summary>Reading or writing the transport failed.</summary>
        TransportError = 5,

        /// <summary>A command or the login did not complete within its timeout.</summary>
        Timeout = 6,

        /// <summary>The router did not answer the keepalive probe in time (e.g. half-open TCP).</summary>
        KeepaliveTimeout = 7,

        /// <summary>The connection was closed by this side.</summary>
        ClosedLocally = 8,

        // Login.

        /// <summary>The router refused the user name or password.</summary>
        LoginRefused = 20,

        /// <summary>The legacy login challenge (<c>=ret=</c>) was not 32 hex digits, or was unexpected.</summary>
        InvalidChallenge = 21,

        /// <summary>A command was issued before the login completed.</summary>
        NotLoggedIn = 22,

        /// <summary>The connection is closed; nothing more can be sent or received on it.</summary>
        ConnectionClosed = 23,

        // Command building: nothing is written when one of these is raised.

        /// <summary>The command is larger than the transmit buffer.</summary>
        CommandTooLarge = 40,

        /// <summary>The command does not fit beside the bytes still waiting to be sent; flush first.</summary>
        TransmitBufferFull = 41,

        /// <summary>Every tag slot is in use; wait for a command to finish.</summary>
        TagTableFull = 42,

        /// <summary>The command path is not of the form <c>/menu/sub/command</c>.</summary>
        InvalidPath = 43,

        /// <summary>An attribute or query name is empty or contains a character it may not.</summary>
        InvalidName = 44,

        /// <summary>A <c>?#</c> query operation string holds something other than <c>! &amp; | .</c> and digits.</summary>
        InvalidQuery = 45,

        /// <summary>A builder was used out of order, or after its command was sent or abandoned.</summary>
        InvalidState = 46,

        /// <summary>
        /// The tag belongs to no command the client still remembers: a handle read long after its
        /// command ended, once its outcome has left the client's bounded history. Never a guess.
        /// </summary>
        UnknownTag = 47,

        /// <summary>A configuration value is out of its allowed range.</summary>
        InvalidConfiguration = 48,

        // Delivery.

        /// <summary>The command's reply handler threw; the command was cancelled.</summary>
        HandlerFailed = 60,

        /// <summary>The router answered the command with <c>!trap</c>.</summary>
        Trap = 61,

        /// <summary>The rows did not fit the caller's fixed storage; the command was cancelled, nothing was dropped unnoticed.</summary>
        StorageFull = 62,

        /// <summary>TLS could not be established (certificate, cipher or handshake failure).</summary>
        TlsError = 63,

        /// <summary>
        /// A reply lost words (a value larger than the receive buffer, or more words than
        /// <see cref="ConnectionOptions.MaxWordsPerSentence"/>): an attribute it lacks may have been dropped.
        /// </summary>
        Truncated = 64
    }
}
