namespace Esp32Watchdog.Persistence
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as in zip and PNG), computed bit by bit:
    /// no table to allocate, and the store's few hundred bytes are checked in well under a millisecond.
    /// </summary>
    public static class Crc32
    {
        /// <summary>The CRC of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <param name="buffer">The data.</param>
        /// <param name="offset">Where it starts.</param>
        /// <param name="count">How many bytes.</param>
        /// <returns>The CRC ("123456789" gives 0xCBF43926).</returns>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= buffer[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
