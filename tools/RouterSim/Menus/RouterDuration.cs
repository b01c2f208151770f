using System.Globalization;
using System.Text;

namespace RouterSim;

/// <summary>RouterOS duration text: <c>1w3d1h2m1s</c> (weeks are the largest unit, zero parts omitted).</summary>
public static class RouterDuration
{
    /// <summary>Formats whole seconds the way /system/resource prints uptime.</summary>
    public static string Format(TimeSpan value)
    {
        long total = Math.Max(0, (long)value.TotalSeconds);
        if (total == 0)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        Append(sb, total / 604800, 'w');
        Append(sb, total / 86400 % 7, 'd');
        Append(sb, total / 3600 % 24, 'h');
        Append(sb, total / 60 % 60, 'm');
        Append(sb, total % 60, 's');
        return sb.ToString();
    }

    /// <summary>
    /// Parses <c>1w2d3h4m5s</c>, <c>250ms</c>, combinations, or a bare number of seconds
    /// (<c>30</c>, <c>1.5</c>). Throws <see cref="FormatException"/> otherwise.
    /// </summary>
    public static TimeSpan Parse(string text)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        TimeSpan result = TimeSpan.Zero;
        int i = 0;
        bool any = false;
        while (i < text.Length)
        {
            int start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (start == i)
            {
                throw new FormatException("bad duration: " + text);
            }

            double n = double.Parse(text.AsSpan(start, i - start), CultureInfo.InvariantCulture);
            int unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            result += text.Substring(unitStart, i - unitStart) switch
            {
                "w" => TimeSpan.FromDays(7 * n),
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                "us" => TimeSpan.FromMicroseconds(n),
                _ => throw new FormatException("bad duration unit in: " + text),
            };
            any = true;
        }

        if (!any)
        {
            throw new FormatException("bad duration: " + text);
        }

        return result;
    }

    /// <summary>Formats a round-trip time: v7 style (<c>412us</c>, <c>1ms236us</c>) or v6 style (<c>1ms</c>).</summary>
    public static string FormatRtt(TimeSpan rtt, bool v7)
    {
        long us = Math.Max(0, (long)rtt.TotalMicroseconds);
        if (!v7)
        {
            return (us / 1000).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        if (us < 1000)
        {
            return us.ToString(CultureInfo.InvariantCulture) + "us";
        }

        long ms = us / 1000;
        long rest = us % 1000;
        return rest == 0 ? ms + "ms" : ms + "ms" + rest + "us";
    }

    private static void Append(StringBuilder sb, long value, char unit)
    {
        if (value > 0)
        {
            sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
