using System.Text;

namespace Mikrotik.Nano.Analyzers.Tests.Support;

/// <summary>
/// Strings near the rules' edges: mostly the characters the rules care about (letters, digits,
/// '-', '_', '.', '/', '=', ',', the ?# operators, space, a tab, DEL, non-ASCII), built either freely
/// or as a mutated path, so both valid and invalid inputs are common.
/// </summary>
internal static class RandomText
{
    private const string Alphabet = "abzAZ09-_./=,!&|#~ \t\u007f\u00e9";
    private const string Operations = "!&|.0123456789";
    private static readonly string[] Words = { "interface", "print", "ip", "address", "add", "ether-1", "x_y", ".id", "a.b" };

    /// <summary>A free string of up to 12 characters (sometimes empty).</summary>
    public static string Free(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(0, 13);
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    /// <summary>A path of 1-4 words, then possibly one mutation (drop the '/', double one, add a bad character...).</summary>
    public static string PathLike(Random random)
    {
        var text = new StringBuilder();
        int segments = random.Next(1, 5);
        for (int i = 0; i < segments; i++)
        {
            text.Append('/').Append(Words[random.Next(Words.Length)]);
        }

        return random.Next(3) == 0 ? text.ToString() : Mutate(random, text.ToString());
    }

    /// <summary>A name or proplist made of words and commas, then possibly one mutation.</summary>
    public static string NameLike(Random random)
    {
        var text = new StringBuilder(Words[random.Next(Words.Length)]);
        while (random.Next(3) == 0)
        {
            text.Append(',').Append(Words[random.Next(Words.Length)]);
        }

        return random.Next(3) == 0 ? text.ToString() : Mutate(random, text.ToString());
    }

    /// <summary>A ?# operation string, then possibly one mutation.</summary>
    public static string OperationsLike(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(0, 6);
        for (int i = 0; i < length; i++)
        {
            text.Append(Operations[random.Next(Operations.Length)]);
        }

        return random.Next(2) == 0 ? text.ToString() : Mutate(random, text.ToString());
    }

    private static string Mutate(Random random, string text)
    {
        int at = random.Next(text.Length + 1);
        char c = Alphabet[random.Next(Alphabet.Length)];
        switch (random.Next(3))
        {
            case 0:
                return text.Insert(at, c.ToString());
            case 1:
                return at < text.Length ? text.Remove(at, 1) : text;
            default:
                return at < text.Length ? text.Remove(at, 1).Insert(at, c.ToString()) : text + c;
        }
    }
}
