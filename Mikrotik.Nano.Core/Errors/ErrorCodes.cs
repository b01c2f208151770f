namespace Mikrotik.Nano
{
    /// <summary>
    /// Names and groups of <see cref="ErrorCode"/> values that work on the device, where
    /// <c>Enum.ToString()</c> gives a number. Nothing here allocates: every name is a literal.
    /// </summary>
    public static class ErrorCodes
    {
        /// <summary>The code's name as written in <see cref="ErrorCode"/> (e.g. <c>"PeerClosed"</c>); <c>"Unknown"</c> for a value that is none of them.</summary>
        /// <param name="code">The code.</param>
        /// <returns>A literal string (never allocated).</returns>
        public static string NameOf(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.None: return "None";
                case ErrorCode.ReservedControlByte: return "ReservedControlByte";
                case ErrorCode.UnsupportedLengthPrefix: return "UnsupportedLengthPrefix";
                case ErrorCode.Fatal: return "Fatal";
                case ErrorCode.PeerClosed: return "PeerClosed";
                case ErrorCode.TransportError: return "TransportError";
                case ErrorCode.Timeout: return "Timeout";
                case ErrorCode.KeepaliveTimeout: return "KeepaliveTimeout";
                case ErrorCode.ClosedLocally: return "ClosedLocally";
                case ErrorCode.TlsError: return "TlsError";
                case ErrorCode.LoginRefused: return "LoginRefused";
                case ErrorCode.InvalidChallenge: return "InvalidChallenge";
                case ErrorCode.NotLoggedIn: return "NotLoggedIn";
                case ErrorCode.ConnectionClosed: return "ConnectionClosed";
                case ErrorCode.CommandTooLarge: return "CommandTooLarge";
                case ErrorCode.TransmitBufferFull: return "TransmitBufferFull";
                case ErrorCode.TagTableFull: return "TagTableFull";
                case ErrorCode.InvalidPath: return "InvalidPath";
                case ErrorCode.InvalidName: return "InvalidName";
                case ErrorCode.InvalidQuery: return "InvalidQuery";
                case ErrorCode.InvalidState: return "InvalidState";
                case ErrorCode.UnknownTag: return "UnknownTag";
                case ErrorCode.InvalidConfiguration: return "InvalidConfiguration";
                case ErrorCode.PasswordTooLong: return "PasswordTooLong";
                case ErrorCode.HandlerFailed: return "HandlerFailed";
                case ErrorCode.Trap: return "Trap";
                case ErrorCode.StorageFull: return "StorageFull";
                case ErrorCode.Truncated: return "Truncated";
                default: return "Unknown";
            }
        }

        /// <summary>
        /// Whose fault the code is. By range (1..39 connection, 40..59 caller, 60..79 command),
        /// except <see cref="ErrorCode.NotLoggedIn"/> (a command sent before the login: the
        /// caller's), <see cref="ErrorCode.Timeout"/> (a command's outcome; a login that timed out
        /// ends its connection, which then reports it as its error) and <see cref="ErrorCode.UnknownTag"/>
        /// (a handle's outcome that has been forgotten: a command's).
        /// </summary>
        /// <param name="code">The code.</param>
        /// <returns>Its group; <see cref="ErrorGroup.None"/> for <see cref="ErrorCode.None"/>.</returns>
        public static ErrorGroup GroupOf(ErrorCode code)
        {
            if (code == ErrorCode.None)
            {
                return ErrorGroup.None;
            }

            if (code == ErrorCode.NotLoggedIn)
            {
                return ErrorGroup.CallerMisuse;
            }

            if (code == ErrorCode.Timeout || code == ErrorCode.UnknownTag)
            {
                return ErrorGroup.CommandOutcome;
            }

            int value = (int)code;
            return value < 40 ? ErrorGroup.ConnectionEnded : value < 60 ? ErrorGroup.CallerMisuse : ErrorGroup.CommandOutcome;
        }
    }
}
