namespace RouterSim;

/// <summary>A client sentence split into its command word, attributes, API attributes and queries.</summary>
public sealed class CommandSentence
{
    private CommandSentence(string command)
    {
        Command = command;
    }

    /// <summary>The command word, e.g. <c>/interface/print</c>.</summary>
    public string Command { get; }

    /// <summary>Attribute words <c>=name=value</c> in arrival order (a later duplicate wins).</summary>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>.tag</c> API attribute, or null for an untagged command.</summary>
    public string? Tag { get; private set; }

    /// <summary>Query words (<c>?...</c>) in arrival order, without the leading '?'.</summary>
    public List<string> Queries { get; } = new();

    /// <summary>Splits a sentence's words. The first word is the command.</summary>
    public static CommandSentence Parse(IReadOnlyList<string> words)
    {
        var sentence = new CommandSentence(words[0]);
        for (int i = 1; i < words.Count; i++)
        {
            string word = words[i];
            if (word.StartsWith('='))
            {
                // The value may itself contain '=', so only the second '=' separates name from value.
                int eq = word.IndexOf('=', 1);
                if (eq < 0)
                {
                    sentence.Attributes[word.Substring(1)] = string.Empty;
                }
                else
                {
                    sentence.Attributes[word.Substring(1, eq - 1)] = word.Substring(eq + 1);
                }
            }
            else if (word.StartsWith(".tag=", StringComparison.Ordinal))
            {
                sentence.Tag = word.Substring(5);
            }
            else if (word.StartsWith('?'))
            {
                sentence.Queries.Add(word.Substring(1));
            }

            // Other words (no '=', '.tag=' or '?' prefix) are ignored: a simplification, see README.md.
        }

        return sentence;
    }
}
