namespace RouterSim;

/// <summary>A command being executed in a session (tracked so /cancel can find it).</summary>
internal sealed class RunningCommand
{
    public RunningCommand(string? tag, string command, CancellationToken sessionToken)
    {
        Tag = tag;
        Command = command;
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(sessionToken);
    }

    public string? Tag { get; }

    public string Command { get; }

    public CancellationTokenSource Cancellation { get; }

    /// <summary>Set under the session's write lock by /cancel; from then on the command writes nothing.</summary>
    public volatile bool Cancelled;
}
