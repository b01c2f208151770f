namespace Mikrotik.Nano
{
    /// <summary>What <see cref="ApiConnection.Poll"/> found.</summary>
    public enum ConnectionEvent
    {
        /// <summary>Nothing complete yet: receive more bytes.</summary>
        None = 0,

        /// <summary><see cref="ApiConnection.Reply"/> holds a reply to one of the caller's commands (see its tag).</summary>
        Reply = 1,

        /// <summary>
        /// <see cref="ApiConnection.Reply"/> holds a reply whose tag belongs to no running command (or that
        /// has no tag). Reported so nothing is lost silently; the stream stays in sync.
        /// </summary>
        UnroutedReply = 2,

        /// <summary>The login completed; commands may be sent.</summary>
        LoginSucceeded = 3,

        /// <summary>The login failed: <see cref="ApiConnection.Error"/> says why and the reply holds the router's trap.</summary>
        LoginFailed = 4,

        /// <summary>
        /// The connection died: <c>!fatal</c> (the reply holds it) or a protocol error.
        /// <see cref="ApiConnection.Error"/> says which; every running command has ended.
        /// </summary>
        Closed = 5
    }
}
