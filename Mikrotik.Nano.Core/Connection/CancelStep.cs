namespace Mikrotik.Nano
{
    /// <summary>
    /// How far a command's cancel has got: None --Cancel/Release/deadline--&gt; Owed --written to
    /// the transmit buffer--&gt; Sent. The connection's <c>/cancel</c> is fire-and-forget: nothing
    /// waits for its own <c>!done</c>, so a router that answers it untagged, late or never cannot
    /// block later cancels.
    /// </summary>
    internal enum CancelStep : byte
    {
        None = 0,
        Owed = 1,
        Sent = 2
    }
}
