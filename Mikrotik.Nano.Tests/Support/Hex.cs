namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>Hex text to bytes, so test vectors can be written as in the protocol notes.</summary>
    internal static class Hex
    {
        /// <summary>Parses pairs of hex digits; spaces are ignored.</summary>
        internal static byte[] Parse(string hex)
        {
            int digits = 0;
            for (int i = 0; i < hex.Length; i++)
            {
                if (hex[i] != ' ') digits++;
            }

            byte[] result = new byte[digits / 2];
            int n = 0;
            int high = -1;
            for (int i = 0; i < hex.Length; i++)
            {
                int v = Value(hex[i]);
                if (v < 0) continue;
                if (high < 0)
                {
                    high = v;
                }
                else
                {
                    result[n++] = (byte)((high << 4) | v);
                    high = -1;
                }
            }

            return result;
        }

        /// <summary>Bytes to lowercase hex, without spaces.</summary>
        internal static string Format(byte[] bytes, int offset, int count)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                chars[2 * i] = digits[bytes[offset + i] >> 4];
                chars[2 * i + 1] = digits[bytes[offset + i] & 15];
            }

            return new string(chars);
        }

        private static int Value(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
