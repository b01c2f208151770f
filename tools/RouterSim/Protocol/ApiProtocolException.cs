namespace RouterSim;

/// <summary>
/// The peer sent bytes that cannot be a RouterOS API stream (a reserved control byte, a word
/// longer than the simulator accepts). The session that sees it closes the connection.
/// </summary>
public sealed class ApiProtocolException : Exception
{
    /// <summary>Creates the exception with a description of the violation.</summary>
    public ApiProtocolException(string message)
        : base(message)
    {
    }
}
