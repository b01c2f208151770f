namespace Mikrotik.Nano
{
    /// <summary>
    /// UTF-8 encoding of strings straight into byte buffers, and comparison of bytes with strings,
    /// without allocating (mscorlib on nanoFramework has no System.Text.Encoding).
    /// </summary>
    /// <remarks>A lone surrogate is encoded as U+FFFD, as .NET's own encoder does.</remarks>
    internal static class Utf8
    {
        /// <summary>The number of bytes <paramref name="text"/> takes in UTF-8.</summary>
        internal static int GetByteCount(string text)
        {
            int count = 0;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                if (c < 0x80) count += 1;
                else if (c < 0x800) count += 2;
                else if (IsHighSurrogate(c) && i + 1 < length && IsLowSurrogate(text[i + 1])) { count += 4; i++; }
                else count += 3;
            }

            return count;
        }

        /// <summary>Writes <paramref name="text"/> as UTF-8 at <paramref name="offset"/>; returns the byte count.</summary>
        internal static int Encode(string text, byte[] buffer, int offset)
        {
            int start = offset;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int cp = NextCodePoint(text, ref i);
                offset += EncodeCodePoint(cp, buffer, offset);
            }

            return offset - start;
        }

        /// <summary>Whether <paramref name="count"/> bytes at <paramref name="offset"/> are <paramref name="text"/> in UTF-8.</summary>
        internal static bool BytesEqual(byte[] buffer, int offset, int count, string text)
        {
            int end = offset + count;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    // The common case (names, ASCII values) never leaves this branch.
                    if (offset >= end || buffer[offset] != c) return false;
                    offset++;
                    continue;
                }

                int cp = NextCodePoint(text, ref i);
                int size = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (end - offset < size) return false;
                if (size == 2)
                {
                    if (buffer[offset] != (byte)(0xC0 | (cp >> 6)) || buffer[offset + 1] != (byte)(0x80 | (cp & 0x3F))) return false;
                }
                else if (size == 3)
                {
                    if (buffer[offset] != (byte)(0xE0 | (cp >> 12)) || buffer[offset + 1] != (byte)(0x80 | ((cp >> 6) & 0x3F))
                        || buffer[offset + 2] != (byte)(0x80 | (cp & 0x3F))) return false;
                }
                else
                {
                    if (buffer[offset] != (byte)(0xF0 | (cp >> 18)) || buffer[offset + 1] != (byte)(0x80 | ((cp >> 12) & 0x3F))
                        || buffer[offset + 2] != (byte)(0x80 | ((cp >> 6) & 0x3F)) || buffer[offset + 3] != (byte)(0x80 | (cp & 0x3F))) return false;
                }

                offset += size;
            }

            return offset == end;
        }

        private static int NextCodePoint(string text, ref int index)
        {
            char c = text[index];
            if (IsHighSurrogate(c))
            {
                if (index + 1 < text.Length && IsLowSurrogate(text[index + 1]))
                {
                    index++;
                    return 0x10000 + ((c - 0xD800) << 10) + (text[index] - 0xDC00);
                }

                return 0xFFFD;
            }

            return IsLowSurrogate(c) ? 0xFFFD : c;
        }

        private static int EncodeCodePoint(int cp, byte[] buffer, int offset)
        {
            if (cp < 0x80)
            {
                buffer[offset] = (byte)cp;
                return 1;
            }

            if (cp < 0x800)
            {
                buffer[offset] = (byte)(0xC0 | (cp >> 6));
                buffer[offset + 1] = (byte)(0x80 | (cp & 0x3F));
                return 2;
            }

            if (cp < 0x10000)
            {
                buffer[offset] = (byte)(0xE0 | (cp >> 12));
                buffer[offset + 1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                buffer[offset + 2] = (byte)(0x80 | (cp & 0x3F));
                return 3;
            }

            buffer[offset] = (byte)(0xF0 | (cp >> 18));
            buffer[offset + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
            buffer[offset + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            buffer[offset + 3] = (byte)(0x80 | (cp & 0x3F));
            return 4;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}
