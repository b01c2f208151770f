namespace Mikrotik.Nano
{
    /// <summary>What <see cref="ApiConnection.Poll"/> found.</summary>
    public enum ConnectionEvent
    {
        /// <summary>Nothing complete yet: receive more bytes.</summary>
        None = 0,

        /// <summary>
        /// <see cref="ApiConnection.Reply"/> holds a reply to one of the caller's commands, named by
        /// <see cref="ApiConnection.EventSlot"/> and <see cref="ApiConnection.EventTag"/>. After its final
        /// <c>!done</c> the slot is freed at the next <see cref="ApiConnection.Poll"/>.
        /// </summary>
        Reply = 1,

        /// <summary>
        /// <see cref="ApiConnection.Reply"/> holds a reply whose tag belongs to no running command (or that
        /// has no tag). Reported so nothing is lost silently; the stream stays in sync.
        /// </summary>
        UnroutedReply = 2,

        /// <summary>The login completed; commands may be sent.</summary>
        LoginSucceeded = 3,

        /// <summary>
        /// The login failed: <see cref="ApiConnection.Error"/> says why (<see cref="ErrorCode.LoginRefused"/>
        /// with the router's trap in the reply, <see cref="ErrorCode.InvalidChallenge"/>, or
        /// <see cref="ErrorCode.Timeout"/> when its deadline passed).
        /// </summary>
        LoginFailed = 4,

        /// <summary>
        /// The connection died: <c>!fatal</c> (the reply holds it), a protocol error, the peer's end
        /// of stream, or a keepalive that went unanswered. <see cref="ApiConnection.Error"/> says
        /// which; every running command has ended.
        /// </summary>
        Closed = 5,

        /// <summary>
        /// A command's deadline passed (<see cref="ApiConnection.EventSlot"/> and <see cref="ApiConnection.EventTag"/>
        /// name it): it has been cancelled on the router and its remaining replies are consumed.
        /// </summary>
        Timeout = 6
    }
}
