using System.Text;

namespace Mikrotik.Nano.HostTests.Core.Support;

/// <summary>Random inputs for the property tests; every test seeds its own <see cref="Random"/>, so runs repeat exactly.</summary>
internal static class Gen
{
    public const string PathChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

    /// <summary>Lengths that cross every prefix size boundary the receive tests can afford.</summary>
    public static readonly int[] BoundaryLengths = [1, 0x7E, 0x7F, 0x80, 0x81, 0x3FFE, 0x3FFF, 0x4000, 0x4001];

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A valid command path: /seg/seg..., segments of letters, digits, '-', '_' and '.'.</summary>
    public static string Path(Random random)
    {
        var sb = new StringBuilder();
        int segments = random.Next(1, 5);
        for (int s = 0; s < segments; s++)
        {
            sb.Append('/');
            int length = random.Next(1, 13);
            for (int i = 0; i < length; i++) sb.Append(PathChars[random.Next(PathChars.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>A valid attribute name: printable ASCII without '=' or space.</summary>
    public static string Name(Random random)
    {
        var sb = new StringBuilder();
        int length = random.Next(1, 21);
        for (int i = 0; i < length; i++)
        {
            char c;
            do c = (char)random.Next('!', '~' + 1); while (c == '=');
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Any text: ASCII (with '='), Latin-1, other BMP, surrogate pairs, lone surrogates, or empty.</summary>
    public static string Text(Random random)
    {
        int length = random.Next(4) == 0 ? 0 : random.Next(1, random.Next(2) == 0 ? 16 : 300);
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(10))
            {
                case 0: sb.Append('='); break;
                case 1: sb.Append((char)random.Next(0x80, 0x800)); break;
                case 2: sb.Append((char)random.Next(0x800, 0xD800)); break;
                case 3: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                case 4: sb.Append((char)random.Next(0xD800, 0xE000)); break; // a lone surrogate: sent as U+FFFD
                case 5: sb.Append((char)random.Next(0, 0x20)); break;
                default: sb.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return sb.ToString();
    }

    public static long Int64(Random random) => random.Next(6) switch
    {
        0 => long.MinValue,
        1 => long.MaxValue,
        2 => 0,
        3 => random.Next(-1000, 1000),
        _ => random.NextInt64(long.MinValue, long.MaxValue),
    };

    /// <summary>A uint spread evenly over the five prefix sizes, with their boundaries.</summary>
    public static uint PrefixedLength(Random random)
    {
        uint[] low = [0, 0x80, 0x4000, 0x200000, 0x10000000];
        uint[] high = [0x7F, 0x3FFF, 0x1FFFFF, 0xFFFFFFF, 0xFFFFFFFF];
        int size = random.Next(5);
        return random.Next(4) switch
        {
            0 => low[size],
            1 => high[size],
            _ => (uint)random.NextInt64(low[size], (long)high[size] + 1),
        };
    }
}
