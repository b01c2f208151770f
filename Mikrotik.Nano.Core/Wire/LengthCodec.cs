namespace Mikrotik.Nano
{
    /// <summary>
    /// The RouterOS API word length prefix: 1 to 5 bytes, big-endian, the high bits of the first
    /// byte saying how many follow (0xxxxxxx, 10xxxxxx, 110xxxxx, 1110xxxx, 0xF0 + 4 bytes).
    /// </summary>
    internal static class LengthCodec
    {
        /// <summary>The longest prefix, in bytes.</summary>
        public const int MaxPrefixSize = 5;

        /// <summary>How many bytes the prefix of a word of <paramref name="length"/> bytes takes.</summary>
        /// <param name="length">The word length in bytes.</param>
        /// <returns>1 to 5.</returns>
        public static int GetPrefixSize(uint length)
        {
            if (length < 0x80) return 1;
            if (length < 0x4000) return 2;
            if (length < 0x200000) return 3;
            if (length < 0x10000000) return 4;
            return 5;
        }

        /// <summary>Writes the prefix for <paramref name="length"/> at <paramref name="offset"/>.</summary>
        /// <param name="length">The word length in bytes.</param>
        /// <param name="buffer">The destination; it must have room for <see cref="GetPrefixSize"/> bytes.</param>
        /// <param name="offset">Where to write.</param>
        /// <returns>The number of bytes written.</returns>
        public static int Encode(uint length, byte[] buffer, int offset)
        {
            if (length < 0x80)
            {
                buffer[offset] = (byte)length;
                return 1;
            }

            if (length < 0x4000)
            {
                buffer[offset] = (byte)((length >> 8) | 0x80);
                buffer[offset + 1] = (byte)length;
                return 2;
            }

            if (length < 0x200000)
            {
                buffer[offset] = (byte)((length >> 16) | 0xC0);
                buffer[offset + 1] = (byte)(length >> 8);
                buffer[offset + 2] = (byte)length;
                return 3;
            }

            if (length < 0x10000000)
            {
                buffer[offset] = (byte)((length >> 24) | 0xE0);
                buffer[offset + 1] = (byte)(length >> 16);
                buffer[offset + 2] = (byte)(length >> 8);
                buffer[offset + 3] = (byte)length;
                return 4;
            }

            buffer[offset] = 0xF0;
            buffer[offset + 1] = (byte)(length >> 24);
            buffer[offset + 2] = (byte)(length >> 16);
            buffer[offset + 3] = (byte)(length >> 8);
            buffer[offset + 4] = (byte)length;
            return 5;
        }

        /// <summary>
        /// Decodes a prefix from <paramref name="count"/> bytes at <paramref name="offset"/>, which may
        /// hold only part of it.
        /// </summary>
        /// <param name="buffer">The received bytes.</param>
        /// <param name="offset">Where the prefix starts.</param>
        /// <param name="count">How many bytes are available from <paramref name="offset"/>.</param>
        /// <param name="length">The decoded length when <see cref="LengthStatus.Complete"/>.</param>
        /// <param name="prefixSize">The prefix size when <see cref="LengthStatus.Complete"/>.</param>
        /// <returns>Whether the prefix is complete, incomplete, or invalid.</returns>
        public static LengthStatus Decode(byte[] buffer, int offset, int count, out uint length, out int prefixSize)
        {
            length = 0;
            prefixSize = 0;
            if (count <= 0)
            {
                return LengthStatus.NeedMore;
            }

            uint first = buffer[offset];
            int size;
            uint value;
            if (first < 0x80) { size = 1; value = first; }
            else if (first < 0xC0) { size = 2; value = first & 0x3F; }
            else if (first < 0xE0) { size = 3; value = first & 0x1F; }
            else if (first < 0xF0) { size = 4; value = first & 0x0F; }
            else if (first == 0xF0) { size = 5; value = 0; }
            else if (first < 0xF8) { return LengthStatus.UnsupportedPrefix; }
            else { return LengthStatus.ReservedControlByte; }

            if (count < size)
            {
                return LengthStatus.NeedMore;
            }

            for (int i = 1; i < size; i++)
            {
                value = (value << 8) | buffer[offset + i];
            }

            length = value;
            prefixSize = size;
            return LengthStatus.Complete;
        }
    }
}
