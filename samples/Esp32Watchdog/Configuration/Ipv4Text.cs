namespace Esp32Watchdog.Configuration
{
    /// <summary>
    /// Parses dotted IPv4 text in managed code (nanoFramework's <c>IPAddress.Parse</c> is native,
    /// so a configuration could not be checked without the network stack).
    /// </summary>
    public static class Ipv4Text
    {
        /// <summary>Parses "a.b.c.d" with each part 0..255 in decimal, nothing else.</summary>
        /// <param name="text">The text.</param>
        /// <param name="address">Four bytes that receive the address.</param>
        /// <returns>True when the text is an IPv4 address.</returns>
        public static bool TryParse(string text, byte[] address)
        {
            if (text == null || address == null || address.Length < 4 || text.Length < 7 || text.Length > 15)
            {
                return false;
            }

            int part = 0;
            int value = 0;
            int digits = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : '.';
                if (c >= '0' && c <= '9')
                {
                    value = value * 10 + (c - '0');
                    digits++;
                    if (digits > 3 || value > 255)
                    {
                        return false;
                    }
                }
                else if (c == '.')
                {
                    if (digits == 0 || part > 3)
                    {
                        return false;
                    }

                    address[part++] = (byte)value;
                    value = 0;
                    digits = 0;
                }
                else
                {
                    return false;
                }
            }

            return part == 4;
        }
    }
}
