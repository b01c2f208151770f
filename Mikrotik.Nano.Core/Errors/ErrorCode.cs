namespace Mikrotik.Nano
{
    /// <summary>
    /// Every way an operation or a connection can fail, as a code the caller can switch on.
    /// The same codes are used by the core and by the client built on it. They fall in three
    /// groups by whose fault it is (<see cref="ErrorCodes.GroupOf"/>, <see cref="ErrorGroup"/>),
    /// mostly by range: 1..39 the connection ended (stream, transport, TLS, login), 40..59 the
    /// caller misused the API (thrown when it happens), 60..79 one command's outcome (the
    /// connection lives on). The exceptions are named in <see cref="ErrorCodes.GroupOf"/>.
    /// <see cref="ErrorCodes.NameOf"/> gives each code's name on the device too.
    /// </summary>
    public enum ErrorCode
    {
        /// <summary>No error.</summary>
        None = 0,

        // The connection's end (1..39): stream, protocol, transport, TLS; the connection is dead after any of these.

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

        /// <summary>
        /// The login did not complete within its timeout (the connection ends), or a command did
        /// not (only that command ends). <see cref="ErrorCodes.GroupOf"/> counts it a command's
        /// outcome; a connection that ended for it reports it as its <see cref="ApiConnection.Error"/>.
        /// </summary>
        Timeout = 6,

        /// <summary>The router did not answer the keepalive probe in time (e.g. half-open TCP).</summary>
        KeepaliveTimeout = 7,

        /// <summary>The connection was closed by this side.</summary>
        ClosedLocally = 8,

        /// <summary>
        /// TLS could not be established (certificate, cipher or handshake failure). Was 63 before
        /// 0.2 (see the README's changelog): it ends a connection, it is no command's outcome.
        /// </summary>
        TlsError = 9,

        // The connection's end, at login (20..39).

        /// <summary>The router refused the user name or password.</summary>
        LoginRefused = 20,

        /// <summary>The legacy login challenge (<c>=ret=</c>) was not 32 hex digits, or was unexpected.</summary>
        InvalidChallenge = 21,

        /// <summary>A command was issued before the login completed.</summary>
        NotLoggedIn = 22,

        /// <summary>The connection is closed; nothing more can be sent or received on it.</summary>
        ConnectionClosed = 23,

        // The caller's misuse (40..59), thrown: nothing is written when one of these is raised.

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

        /// <summary>
        /// The password is longer than the legacy login's scratch space
        /// (<see cref="ConnectionOptions.MaxPasswordBytes"/>); it was never sent.
        /// </summary>
        PasswordTooLong = 49,

        // One command's outcome (60..79): the connection lives on.

        /// <summary>The command's reply handler threw; the command was cancelled.</summary>
        HandlerFailed = 60,

        /// <summary>The router answered the command with <c>!trap</c>.</summary>
        Trap = 61,

        /// <summary>The rows did not fit the caller's fixed storage; the command was cancelled, nothing was dropped unnoticed.</summary>
        StorageFull = 62,

        /// <summary>
        /// A reply lost words (a value larger than the receive buffer, or more words than
        /// <see cref="ConnectionOptions.MaxWordsPerSentence"/>): an attribute it lacks may have been dropped.
        /// </summary>
        Truncated = 64
    }
}
