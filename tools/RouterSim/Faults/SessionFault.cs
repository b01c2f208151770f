namespace RouterSim;

/// <summary>What a scheduled fault (<see cref="SimulatorFaults.Schedule"/>) does to a connection
/// once it has received its allowance of reply sentences.</summary>
public enum SessionFault
{
    /// <summary>Half of the next reply sentence is written, then the connection is closed.</summary>
    DropMidSentence,

    /// <summary>Nothing more is written; the session keeps reading (and running) commands, the socket stays open.</summary>
    Stall,

    /// <summary>A reserved control byte (0xF8) is written before the next reply sentence; the
    /// replies then continue, but the stream can no longer be interpreted.</summary>
    GarbageByte,

    /// <summary>Nothing more is written and nothing more is read: the session is frozen with the
    /// socket open (the peer's writes block once the socket buffers fill).</summary>
    Hang,
}
