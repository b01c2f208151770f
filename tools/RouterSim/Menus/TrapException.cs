namespace RouterSim;

/// <summary>Thrown by a command handler to answer <c>!trap</c> (then <c>!done</c>).</summary>
public sealed class TrapException : Exception
{
    /// <summary>Creates a trap with an optional category (see routeros-api.md) and the router's message.</summary>
    public TrapException(int? category, string message)
        : base(message)
    {
        Category = category;
    }

    /// <summary>A trap with another trap sent before it (the router answers an unknown menu with two).</summary>
    public TrapException(TrapException earlier, int? category, string message)
        : this(category, message)
    {
        Earlier = earlier;
    }

    /// <summary>The <c>=category=</c> value, or null when the router sends none.</summary>
    public int? Category { get; }

    /// <summary>A trap sent before this one, or null.</summary>
    public TrapException? Earlier { get; }

    /// <summary>Appends this trap (after <see cref="Earlier"/> ones) and the final <c>!done</c>.</summary>
    public void WriteTo(ReplyBuffer buffer, string? tag)
    {
        WriteTrapsTo(buffer, tag);
        buffer.Add(ReplySentence.Done(tag));
    }

    private void WriteTrapsTo(ReplyBuffer buffer, string? tag)
    {
        Earlier?.WriteTrapsTo(buffer, tag);
        buffer.Add(ReplySentence.Trap(tag, Category, Message));
    }

    /// <summary><c>no such item</c> (category 0): an unknown or missing <c>.id</c>.</summary>
    public static TrapException NoSuchItem() => new(0, "no such item");

    /// <summary><c>unknown parameter</c>: an attribute the command does not take.</summary>
    public static TrapException UnknownParameter() => new(null, "unknown parameter");

    /// <summary><c>input does not match any value of NAME</c> (category 1).</summary>
    public static TrapException NoMatch(string name) => new(1, "input does not match any value of " + name);
}
