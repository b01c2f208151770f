namespace Mikrotik.Nano
{
    /// <summary>Whose fault an <see cref="ErrorCode"/> is, and so what the caller does about it (<see cref="ErrorCodes.GroupOf"/>).</summary>
    public enum ErrorGroup
    {
        /// <summary><see cref="ErrorCode.None"/>: nothing failed.</summary>
        None = 0,

        /// <summary>
        /// The caller used the API wrongly or too eagerly (a bad path or name, a builder out of
        /// order, every slot busy, a password too long): thrown as a <see cref="MikrotikException"/>
        /// at the call, nothing was sent. Fix the call, or wait and retry (<see cref="ErrorCode.TagTableFull"/>,
        /// <see cref="ErrorCode.TransmitBufferFull"/>).
        /// </summary>
        CallerMisuse = 1,

        /// <summary>
        /// The connection is over (the router, the network, TLS, the login or this side ended it):
        /// every command on it ends with the same code. Reconnect.
        /// </summary>
        ConnectionEnded = 2,

        /// <summary>One command ended abnormally (trap, timeout, storage, handler, truncation); the connection lives on.</summary>
        CommandOutcome = 3
    }
}
