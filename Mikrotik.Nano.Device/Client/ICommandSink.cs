namespace Mikrotik.Nano
{
    /// <summary>
    /// Where one command's replies go: the row table of <see cref="ApiClient.Run"/>, the value
    /// request of <see cref="ApiClient.ReadString"/>, or a handler's adapter. A polled command has
    /// none (its replies go back to the caller of <see cref="ApiClient.Poll"/>). Called by the
    /// driver under its lock, one command at a time.
    /// </summary>
    internal interface ICommandSink
    {
        /// <summary>
        /// A reply of the command arrived (valid only during the call). For its final <c>!done</c>,
        /// returns the command's outcome (<see cref="ErrorCode.None"/>, <see cref="ErrorCode.Trap"/>,
        /// <see cref="ErrorCode.Truncated"/>, or why the sink could not take it). For any other reply,
        /// <see cref="ErrorCode.None"/> to go on, or the code that ends the command here (its
        /// remaining replies are then dropped by the core).
        /// </summary>
        ErrorCode OnReply(Reply reply);

        /// <summary>
        /// The command is over with <paramref name="outcome"/>. <paramref name="unannounced"/>: it
        /// ended without its replies or its owner saying so (a timeout, the connection's end).
        /// </summary>
        void OnEnd(ErrorCode outcome, bool unannounced);
    }
}
