namespace Mikrotik.Nano
{
    /// <summary>
    /// Receives the replies of one command, on the thread that pumps the client.
    /// <paramref name="reply"/> is valid only during the call. It is null exactly once, when the
    /// command ended without its <c>!done</c> (timeout, overflow, connection lost, cancelled by
    /// dispose is not reported): <see cref="CommandHandle.Error"/> then says why.
    /// </summary>
    /// <param name="command">The command the reply belongs to.</param>
    /// <param name="reply">The reply, or null when the command ended abnormally.</param>
    public delegate void ReplyHandler(CommandHandle command, Reply reply);
}
