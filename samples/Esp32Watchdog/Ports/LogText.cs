namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Makes text that came from a router safe to log: control characters are escaped (a newline
    /// in a trap message would otherwise forge a log line) and the length is capped.
    /// </summary>
    public static class LogText
    {
        /// <summary>The default cap for one piece of router text in a log line.</summary>
        public const int DefaultMaxLength = 160;

        /// <summary>Escapes control characters (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\xNN</c>) and caps the length.</summary>
        /// <param name="text">The text; null gives an empty string.</param>
        /// <param name="maxLength">The longest result, at least 8; longer text ends with "...".</param>
        /// <returns>The text itself when nothing needed changing (no allocation), else a cleaned copy.</returns>
        public static string Clean(string text, int maxLength)
        {
            if (text == null)
            {
                return string.Empty;
            }

            int max = maxLength < 8 ? 8 : maxLength;
            int length = 0;
            for (int i = 0; i < text.Length; i++)
            {
                length += Width(text[i]);
            }

            if (length == text.Length && length <= max)
            {
                return text;
            }

            int room = length <= max ? length : max - 3;
            char[] result = new char[length <= max ? length : max];
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                int width = Width(c);
                if (n + width > room)
                {
                    break;
                }

                if (width == 1)
                {
                    result[n++] = c;
                    continue;
                }

                result[n++] = '\\';
                if (c == '\n' || c == '\r' || c == '\t')
                {
                    result[n++] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
                }
                else if (width == 4)
                {
                    result[n++] = 'x';
                    result[n++] = Hex(c >> 4);
                    result[n++] = Hex(c);
                }
                else
                {
                    result[n++] = 'u';
                    result[n++] = Hex(c >> 12);
                    result[n++] = Hex(c >> 8);
                    result[n++] = Hex(c >> 4);
                    result[n++] = Hex(c);
                }
            }

            if (length > max)
            {
                result[n++] = '.';
                result[n++] = '.';
                result[n++] = '.';
            }

            return new string(result, 0, n);
        }

        // Printed width of one character: control characters (C0, DEL, C1) and the Unicode line
        // and paragraph separators are escaped.
        private static int Width(char c)
        {
            if (c == '\n' || c == '\r' || c == '\t')
            {
                return 2;
            }

            if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            {
                return 4;
            }

            return c == '\u2028' || c == '\u2029' || c == '\u202E' ? 6 : 1;
        }

        private static char Hex(int value)
        {
            int v = value & 0xF;
            return (char)(v < 10 ? '0' + v : 'a' + v - 10);
        }
    }
}
