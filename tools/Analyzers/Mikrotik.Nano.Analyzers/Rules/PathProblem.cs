namespace Mikrotik.Nano.Analyzers.Rules;

/// <summary>What is wrong with a command path.</summary>
internal enum PathProblemKind
{
    /// <summary>Nothing: the path passes the runtime check.</summary>
    None,

    /// <summary>The path does not start with '/' (MTN0001, fixable).</summary>
    MissingLeadingSlash,

    /// <summary>Anything else the runtime rejects (MTN0002).</summary>
    Malformed,
}

/// <summary>The outcome of <see cref="CommandRules.CheckPath"/>: a kind and, unless valid, the reason.</summary>
internal readonly struct PathProblem
{
    /// <summary>A valid path.</summary>
    public static readonly PathProblem None = new PathProblem(PathProblemKind.None, null);

    /// <summary>Creates an outcome.</summary>
    public PathProblem(PathProblemKind kind, string? reason)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>What is wrong.</summary>
    public PathProblemKind Kind { get; }

    /// <summary>The reason, worded for a diagnostic; null when valid.</summary>
    public string? Reason { get; }

    /// <summary>True when the runtime accepts the path.</summary>
    public bool IsValid => Kind == PathProblemKind.None;
}
