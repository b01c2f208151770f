namespace Mikrotik.Nano
{
    /// <summary>
    /// Reading values where they lie, without making strings: comparison with text and decimal
    /// integer parsing over a range of bytes. Used by <see cref="Reply"/> and by callers that copy
    /// values into their own storage.
    /// </summary>
    public static class ByteText
    {
        /// <summary>Whether <paramref name="count"/> bytes at <paramref name="offset"/> are <paramref name="text"/> encoded as UTF-8.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many.</param>
        /// <param name="text">The text to compare with.</param>
        /// <returns>True when equal.</returns>
        public static bool EqualsText(byte[] buffer, int offset, int count, string text)
        {
            return Utf8.BytesEqual(buffer, offset, count, text);
        }

        /// <summary>Parses a decimal 64-bit integer with an optional leading <c>-</c>.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where the number starts.</param>
        /// <param name="count">How many bytes it has.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when empty, not decimal, or out of range.</returns>
        public static bool TryParseInt64(byte[] buffer, int offset, int count, out long value)
        {
            value = 0;
            int i = offset;
            int end = offset + count;
            bool negative = i < end && buffer[i] == '-';
            if (negative)
            {
                i++;
            }

            if (i == end)
            {
                return false;
            }

            ulong magnitude = 0;
            for (; i < end; i++)
            {
                int digit = buffer[i] - '0';
                if (digit < 0 || digit > 9 || magnitude > 922337203685477580UL)
                {
                    return false;
                }

                magnitude = magnitude * 10 + (ulong)digit;
            }

            if (magnitude > (negative ? 9223372036854775808UL : 9223372036854775807UL))
            {
                return false;
            }

            value = negative ? (long)(0 - magnitude) : (long)magnitude;
            return true;
        }
    }
}
