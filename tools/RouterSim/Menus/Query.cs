using System.Globalization;

namespace RouterSim;

/// <summary>
/// Evaluates RouterOS print query words. The stack starts as an infinite supply of 'true'; an
/// item matches when no 'false' is left on the stack after the last query word.
/// </summary>
public sealed class Query
{
    private readonly List<string> _words;

    private Query(List<string> words)
    {
        _words = words;
    }

    /// <summary>True when there are no query words (everything matches).</summary>
    public bool IsEmpty => _words.Count == 0;

    /// <summary>Creates a query from words without their leading '?'.</summary>
    public static Query Create(List<string> words) => new(words);

    /// <summary>Evaluates the query against one row.</summary>
    public bool Matches(Row row)
    {
        if (_words.Count == 0)
        {
            return true;
        }

        // Index 0 is the bottom; below it lie infinitely many 'true' values.
        var stack = new List<bool>(_words.Count);
        foreach (string word in _words)
        {
            if (word.StartsWith('#'))
            {
                ApplyOperations(stack, word.AsSpan(1));
                continue;
            }

            stack.Add(EvaluateWord(row, word));
        }

        return !stack.Contains(false);
    }

    private static bool EvaluateWord(Row row, string word)
    {
        if (word.StartsWith('-'))
        {
            return row.Get(word.Substring(1)) == null;
        }

        char op = word.Length > 0 ? word[0] : '\0';
        if (op == '<' || op == '>')
        {
            int eq = word.IndexOf('=');
            if (eq < 0)
            {
                return false;
            }

            string? actual = row.Get(word.Substring(1, eq - 1));
            if (actual == null)
            {
                return false;
            }

            int cmp = Compare(actual, word.Substring(eq + 1));
            return op == '<' ? cmp < 0 : cmp > 0;
        }

        string body = op == '=' ? word.Substring(1) : word;
        int sep = body.IndexOf('=');
        if (sep < 0)
        {
            return row.Get(body) != null;
        }

        return row.Get(body.Substring(0, sep)) == body.Substring(sep + 1);
    }

    /// <summary>Numeric comparison when both sides are numbers, ordinal text comparison otherwise.</summary>
    private static int Compare(string actual, string expected)
    {
        if (decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal a) &&
            decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal b))
        {
            return a.CompareTo(b);
        }

        return string.CompareOrdinal(actual, expected);
    }

    private static bool Peek(List<bool> stack, int index) =>
        index < stack.Count ? stack[stack.Count - 1 - index] : true;

    private static bool Pop(List<bool> stack)
    {
        if (stack.Count == 0)
        {
            return true;
        }

        bool value = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private static void ApplyOperations(List<bool> stack, ReadOnlySpan<char> ops)
    {
        bool afterIndex = false;
        int i = 0;
        while (i < ops.Length)
        {
            char c = ops[i];
            if (char.IsAsciiDigit(c))
            {
                int start = i;
                while (i < ops.Length && char.IsAsciiDigit(ops[i]))
                {
                    i++;
                }

                int index = int.Parse(ops.Slice(start, i - start), CultureInfo.InvariantCulture);
                bool value = Peek(stack, index);
                if (i == ops.Length)
                {
                    // An index at the end of the word replaces the whole stack with that value.
                    stack.Clear();
                    stack.Add(value);
                }
                else
                {
                    stack.Add(value);
                }

                afterIndex = true;
                continue;
            }

            switch (c)
            {
                case '!':
                    stack.Add(!Pop(stack));
                    break;
                case '&':
                    {
                        bool x = Pop(stack);
                        bool y = Pop(stack);
                        stack.Add(x && y);
                        break;
                    }

                case '|':
                    {
                        bool x = Pop(stack);
                        bool y = Pop(stack);
                        stack.Add(x || y);
                        break;
                    }

                case '.':
                    if (!afterIndex)
                    {
                        stack.Add(Peek(stack, 0));
                    }

                    break;
            }

            afterIndex = false;
            i++;
        }
    }
}
