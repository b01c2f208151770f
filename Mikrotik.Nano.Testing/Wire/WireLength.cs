namespace Mikrotik.Nano
{
    /// <summary>
    /// The API's word length prefix for test peers (scripted routers, wire builders), written
    /// from the protocol table in routeros-api.md and sharing nothing with the core's codec, so
    /// each checks the other: a word of n bytes is prefixed by n in k+1 big-endian bytes whose
    /// first byte starts with k one-bits (k = 0..3), or by <c>0xF0</c> and 4 bytes.
    /// </summary>
    public static class WireLength
    {
        /// <summary>The longest prefix, in bytes.</summary>
        public const int MaxPrefixSize = 5;

        /// <summary>Writes the prefix of a word of <paramref name="length"/> bytes.</summary>
        /// <param name="length">The word's length.</param>
        /// <param name="buffer">Where to write; room for up to <see cref="MaxPrefixSize"/> bytes.</param>
        /// <param name="offset">The first byte to write.</param>
        /// <returns>How many bytes were written.</returns>
        public static int Write(uint length, byte[] buffer, int offset)
        {
            if (length >= 0x10000000)
            {
                buffer[offset] = 0xF0;
                for (int i = 0; i < 4; i++)
                {
                    buffer[offset + 1 + i] = (byte)(length >> (24 - 8 * i));
                }

                return 5;
            }

            // Each extra byte carries 7 more bits of length: 7, 14, 21, 28.
            int extra = 0;
            while (length >= (1u << (7 * (extra + 1))))
            {
                extra++;
            }

            for (int i = 0; i <= extra; i++)
            {
                buffer[offset + i] = (byte)(length >> (8 * (extra - i)));
            }

            // The marker: as many leading one-bits as extra bytes (0x00, 0x80, 0xC0, 0xE0).
            buffer[offset] |= (byte)(0xFF00 >> extra);
            return extra + 1;
        }

        /// <summary>
        /// Reads the prefix at <paramref name="offset"/>: true with the word's length and the
        /// prefix's size when it is whole; false when more bytes are needed (<paramref name="prefix"/> 0)
        /// or the first byte is no length at all, 0xF1..0xFF (<paramref name="prefix"/> -1).
        /// </summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where the prefix starts.</param>
        /// <param name="count">How many bytes are there from <paramref name="offset"/>.</param>
        /// <param name="length">The word's length.</param>
        /// <param name="prefix">The prefix's size in bytes, 0 or -1 (see above).</param>
        /// <returns>Whether a whole prefix was read.</returns>
        public static bool TryRead(byte[] buffer, int offset, int count, out uint length, out int prefix)
        {
            length = 0;
            prefix = 0;
            if (count < 1)
            {
                return false;
            }

            int first = buffer[offset];
            int ones = 0;
            while (ones < 8 && (first & (0x80 >> ones)) != 0)
            {
                ones++;
            }

            if (ones > 4 || (ones == 4 && first != 0xF0))
            {
                prefix = -1;
                return false;
            }

            if (count < ones + 1)
            {
                return false;
            }

            length = ones == 4 ? 0u : (uint)(first & (0x7F >> ones));
            for (int i = 1; i <= ones; i++)
            {
                length = (length << 8) | buffer[offset + i];
            }

            prefix = ones + 1;
            return true;
        }
    }
}
