namespace RouterSim;

/// <summary>Helpers that build reply sentences as word lists. The <c>.tag=</c> word is appended;
/// <see cref="ReplyBuffer"/> moves it to the configured <see cref="ReplyTagPosition"/> when encoding.</summary>
public static class ReplySentence
{
    /// <summary><c>!done</c>, optionally with <c>=ret=</c>, tagged when <paramref name="tag"/> is not null.</summary>
    public static List<string> Done(string? tag, string? ret = null)
    {
        var words = new List<string> { "!done" };
        if (ret != null)
        {
            words.Add("=ret=" + ret);
        }

        AddTag(words, tag);
        return words;
    }

    /// <summary><c>!trap</c> with an optional category and a message.</summary>
    public static List<string> Trap(string? tag, int? category, string message)
    {
        var words = new List<string> { "!trap" };
        if (category.HasValue)
        {
            words.Add("=category=" + category.Value);
        }

        words.Add("=message=" + message);
        AddTag(words, tag);
        return words;
    }

    /// <summary><c>!empty</c> (RouterOS 7.18+: a command with nothing to return).</summary>
    public static List<string> Empty(string? tag)
    {
        var words = new List<string> { "!empty" };
        AddTag(words, tag);
        return words;
    }

    /// <summary><c>!fatal</c> with a bare reason word; never tagged.</summary>
    public static List<string> Fatal(string reason) => new() { "!fatal", reason };

    /// <summary>Appends <c>.tag=</c> when the command was tagged.</summary>
    public static void AddTag(List<string> words, string? tag)
    {
        if (tag != null)
        {
            words.Add(".tag=" + tag);
        }
    }
}
