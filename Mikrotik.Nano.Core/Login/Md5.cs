namespace Mikrotik.Nano
{
    /// <summary>
    /// MD5 (RFC 1321), as the legacy (pre-6.43) RouterOS login needs it. Incremental and
    /// allocation-free after construction; nanoFramework's mscorlib has no hash algorithms.
    /// </summary>
    /// <remarks>MD5 is used here only because the router's protocol demands it; it is not a secure hash.</remarks>
    internal sealed class Md5
    {
        /// <summary>The digest size in bytes.</summary>
        public const int DigestSize = 16;

        // The sine-derived constants, from RFC 1321. The per-round rotation amounts (four per round)
        // are packed one per byte into a constant in Transform: a second static array would cost
        // ~200 bytes of .pe for its initializer metadata.
        private static readonly uint[] K =
        {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
        };

        private readonly uint[] _state = new uint[4];
        private readonly uint[] _words = new uint[16];
        private readonly byte[] _block = new byte[64];
        private int _blockLength;
        private long _totalLength;

        /// <summary>Creates a hasher ready for input.</summary>
        public Md5()
        {
            Reset();
        }

        /// <summary>
        /// Discards any input and starts a new digest. The buffered input and the message schedule
        /// are zeroed too, so no password-derived bytes outlive a digest (<see cref="Finish"/> resets).
        /// </summary>
        public void Reset()
        {
            System.Array.Clear(_block, 0, _block.Length);
            System.Array.Clear(_words, 0, _words.Length);
            _state[0] = 0x67452301;
            _state[1] = 0xefcdab89;
            _state[2] = 0x98badcfe;
            _state[3] = 0x10325476;
            _blockLength = 0;
            _totalLength = 0;
        }

        /// <summary>Adds one byte.</summary>
        /// <param name="value">The byte.</param>
        public void Update(byte value)
        {
            _block[_blockLength++] = value;
            _totalLength++;
            if (_blockLength == 64)
            {
                Transform();
                _blockLength = 0;
            }
        }

        /// <summary>Adds <paramref name="count"/> bytes from <paramref name="buffer"/>.</summary>
        /// <param name="buffer">The input.</param>
        /// <param name="offset">Where it starts.</param>
        /// <param name="count">How many bytes.</param>
        public void Update(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Update(buffer[offset + i]);
            }
        }

        /// <summary>Finishes the digest, writes its 16 bytes at <paramref name="offset"/>, and resets.</summary>
        /// <param name="digest">The destination.</param>
        /// <param name="offset">Where to write.</param>
        public void Finish(byte[] digest, int offset)
        {
            long bits = _totalLength * 8;
            Update(0x80);
            while (_blockLength != 56)
            {
                Update(0);
            }

            for (int i = 0; i < 8; i++)
            {
                _block[56 + i] = (byte)(bits >> (8 * i));
            }

            Transform();
            for (int i = 0; i < 4; i++)
            {
                uint s = _state[i];
                digest[offset + 4 * i] = (byte)s;
                digest[offset + 4 * i + 1] = (byte)(s >> 8);
                digest[offset + 4 * i + 2] = (byte)(s >> 16);
                digest[offset + 4 * i + 3] = (byte)(s >> 24);
            }

            Reset();
        }

        private void Transform()
        {
            for (int i = 0; i < 16; i++)
            {
                int j = 4 * i;
                _words[i] = (uint)(_block[j] | (_block[j + 1] << 8) | (_block[j + 2] << 16) | (_block[j + 3] << 24));
            }

            uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
            for (int i = 0; i < 64; i++)
            {
                uint f;
                int g;
                uint shifts;
                int round = i >> 4;
                if (round == 0) { f = (b & c) | (~b & d); g = i; shifts = 0x16110C07; }
                else if (round == 1) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; shifts = 0x140E0905; }
                else if (round == 2) { f = b ^ c ^ d; g = (3 * i + 5) & 15; shifts = 0x17100B04; }
                else { f = c ^ (b | ~d); g = (7 * i) & 15; shifts = 0x150F0A06; }

                uint sum = a + f + K[i] + _words[g];
                int shift = (int)(shifts >> ((i & 3) << 3)) & 31;
                a = d;
                d = c;
                c = b;
                b += (sum << shift) | (sum >> (32 - shift));
            }

            _state[0] += a;
            _state[1] += b;
            _state[2] += c;
            _state[3] += d;
        }
    }
}
