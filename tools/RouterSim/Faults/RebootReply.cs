namespace RouterSim;

/// <summary>What the simulator answers to <c>/system/reboot</c> before dropping the connection.
/// Real routers have been seen doing each of these.</summary>
public enum RebootReply
{
    /// <summary><c>!done</c>, then the connection drops.</summary>
    Done,

    /// <summary>No reply at all: the connection just drops.</summary>
    None,

    /// <summary><c>!fatal</c> with a reason, then the connection drops.</summary>
    Fatal,
}
