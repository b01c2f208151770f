namespace Esp32Watchdog.Health
{
    /// <summary>
    /// Parses the durations RouterOS prints, e.g. uptime: <c>1w3d1h2m1s</c> (weeks are the largest
    /// unit), very old versions <c>01:22:53</c>, mixed <c>2d00:01:02</c>. Sub-second parts
    /// (<c>500ms</c>, <c>136us</c>, <c>.25</c>) are accepted and dropped. The byte overload
    /// allocates nothing.
    /// </summary>
    public static class RouterOsDuration
    {
        // Each number is capped well below what could overflow the total: 9 digits of weeks is
        // already 19 000 years.
        private const int MaxDigits = 9;

        /// <summary>Parses a RouterOS duration into whole seconds.</summary>
        /// <param name="text">The value as the router sent it.</param>
        /// <param name="seconds">The duration in seconds, or -1 when the text is not a duration.</param>
        /// <returns>True when the whole text was a valid duration.</returns>
        /// <remarks>Allocates a small byte copy of the text; the probe uses the byte overload.</remarks>
        public static bool TryParseSeconds(string text, out long seconds)
        {
            seconds = -1;
            if (text == null)
            {
                return false;
            }

            byte[] bytes = new byte[text.Length];
            for (int k = 0; k < bytes.Length; k++)
            {
                char c = text[k];
                if (c > 0x7F)
                {
                    return false;
                }

                bytes[k] = (byte)c;
            }

            return TryParseSeconds(bytes, 0, bytes.Length, out seconds);
        }

        /// <summary>Parses a RouterOS duration held as ASCII bytes (a reply value, read in place) into whole seconds.</summary>
        /// <param name="text">The bytes.</param>
        /// <param name="offset">Where the value starts.</param>
        /// <param name="count">Its length.</param>
        /// <param name="seconds">The duration in seconds, or -1 when the text is not a duration.</param>
        /// <returns>True when the whole value was a valid duration.</returns>
        public static bool TryParseSeconds(byte[] text, int offset, int count, out long seconds)
        {
            seconds = -1;
            if (text == null || count <= 0)
            {
                return false;
            }

            long total = 0;
            int i = offset;
            int length = offset + count;
            while (i < length)
            {
                long number;
                if (!ReadNumber(text, length, ref i, out number))
                {
                    return false;
                }

                if (i >= length)
                {
                    // A bare number has no unit; RouterOS never sends one.
                    return false;
                }

                char unit = (char)text[i];
                if (unit == ':')
                {
                    long clock;
                    if (!ReadClock(text, length, number, ref i, out clock))
                    {
                        return false;
                    }

                    total += clock;
                    break;
                }

                i++;
                char next = i < length ? (char)text[i] : '\0';
                if (unit == 'w')
                {
                    total += number * 604800;
                }
                else if (unit == 'd')
                {
                    total += number * 86400;
                }
                else if (unit == 'h')
                {
                    total += number * 3600;
                }
                else if (unit == 'm' && next == 's')
                {
                    i++; // milliseconds: below our resolution
                }
                else if (unit == 'm')
                {
                    total += number * 60;
                }
                else if (unit == 's')
                {
                    total += number;
                }
                else if ((unit == 'u' || unit == 'n') && next == 's')
                {
                    i++; // micro- or nanoseconds
                }
                else
                {
                    return false;
                }
            }

            if (i != length)
            {
                return false;
            }

            seconds = total;
            return true;
        }

        // hh:mm:ss with optional .fraction; the hours are already read. Must end the text.
        private static bool ReadClock(byte[] text, int end, long hours, ref int i, out long seconds)
        {
            seconds = -1;
            i++; // ':'
            long minutes;
            if (!ReadNumber(text, end, ref i, out minutes) || minutes > 59 || i >= end || text[i] != ':')
            {
                return false;
            }

            i++;
            long secs;
            if (!ReadNumber(text, end, ref i, out secs) || secs > 59)
            {
                return false;
            }

            if (i < end && text[i] == '.')
            {
                i++;
                long fraction;
                if (!ReadNumber(text, end, ref i, out fraction))
                {
                    return false;
                }
            }

            if (i != end)
            {
                return false;
            }

            seconds = (hours * 3600) + (minutes * 60) + secs;
            return true;
        }

        private static bool ReadNumber(byte[] text, int end, ref int i, out long number)
        {
            number = 0;
            int start = i;
            while (i < end)
            {
                int c = text[i];
                if (c < '0' || c > '9')
                {
                    break;
                }

                if (i - start >= MaxDigits)
                {
                    return false;
                }

                number = (number * 10) + (c - '0');
                i++;
            }

            return i > start;
        }
    }
}
