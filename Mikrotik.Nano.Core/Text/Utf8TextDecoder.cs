namespace Mikrotik.Nano
{
    /// <summary>
    /// The default <see cref="ITextDecoder"/>: UTF-8, where every byte that is not part of a valid
    /// UTF-8 sequence is taken as the character with the same value (Latin-1). Values written by a
    /// Windows-1252 console therefore come through readable instead of as replacement characters.
    /// </summary>
    public sealed class Utf8TextDecoder : ITextDecoder
    {
        /// <inheritdoc />
        public string Decode(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return string.Empty;
            }

            // UTF-8 never needs more UTF-16 units than bytes, so one array of count chars suffices.
            char[] chars = new char[count];
            int n = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = buffer[i];
                int size = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
                int cp = DecodeSequence(buffer, i, end, size);
                if (cp < 0)
                {
                    chars[n++] = (char)b;
                    i++;
                    continue;
                }

                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }

                i += size;
            }

            return new string(chars, 0, n);
        }

        // Returns the code point of a valid, shortest-form sequence, or -1.
        private static int DecodeSequence(byte[] buffer, int i, int end, int size)
        {
            if (size == 0 || i + size > end) return -1;
            int b = buffer[i];
            if (size == 1) return b;
            int cp = size == 2 ? b & 0x1F : size == 3 ? b & 0x0F : b & 0x07;
            for (int k = 1; k < size; k++)
            {
                int c = buffer[i + k];
                if ((c & 0xC0) != 0x80) return -1;
                cp = (cp << 6) | (c & 0x3F);
            }

            int min = size == 2 ? 0x80 : size == 3 ? 0x800 : 0x10000;
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
            return cp;
        }
    }
}
