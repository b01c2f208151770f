namespace Mikrotik.Nano
{
    /// <summary>
    /// The challenge-response login of RouterOS before 6.43: the router answers <c>/login</c> with
    /// <c>=ret=</c> and 32 hex digits (a 16-byte challenge); the client answers with
    /// <c>=response=00</c> followed by the hex MD5 of (0x00, password bytes, challenge bytes).
    /// </summary>
    internal sealed class LegacyLogin
    {
        /// <summary>The length of the challenge in hex digits.</summary>
        public const int ChallengeHexLength = 32;

        /// <summary>The length of the response value in characters: "00" and 32 hex digits.</summary>
        public const int ResponseLength = 34;

        private const string HexDigits = "0123456789abcdef";

        private readonly Md5 _md5 = new Md5();
        private readonly byte[] _challenge = new byte[16];
        private readonly byte[] _digest = new byte[Md5.DigestSize];
        private readonly byte[] _passwordScratch;

        /// <summary>Creates a calculator for passwords of up to <paramref name="maxPasswordBytes"/> UTF-8 bytes.</summary>
        /// <param name="maxPasswordBytes">The largest password, in UTF-8 bytes, it will hash.</param>
        public LegacyLogin(int maxPasswordBytes)
        {
            _passwordScratch = new byte[maxPasswordBytes];
        }

        /// <summary>
        /// Computes the <c>=response=</c> value for <paramref name="password"/> and a challenge given as
        /// hex text, writing its 34 ASCII characters at <paramref name="offset"/>.
        /// </summary>
        /// <param name="password">The password.</param>
        /// <param name="challengeHex">The buffer holding the challenge's hex digits.</param>
        /// <param name="challengeOffset">Where the digits start.</param>
        /// <param name="challengeLength">How many there are; must be 32.</param>
        /// <param name="response">The destination.</param>
        /// <param name="offset">Where to write.</param>
        /// <returns><see cref="ErrorCode.None"/>, <see cref="ErrorCode.InvalidChallenge"/> for bad hex,
        /// or <see cref="ErrorCode.PasswordTooLong"/> for a password longer than the scratch space.</returns>
        public ErrorCode ComputeResponse(string password, byte[] challengeHex, int challengeOffset, int challengeLength,
            byte[] response, int offset)
        {
            if (challengeLength != ChallengeHexLength)
            {
                return ErrorCode.InvalidChallenge;
            }

            for (int i = 0; i < 16; i++)
            {
                int hi = HexValue(challengeHex[challengeOffset + 2 * i]);
                int lo = HexValue(challengeHex[challengeOffset + 2 * i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return ErrorCode.InvalidChallenge;
                }

                _challenge[i] = (byte)((hi << 4) | lo);
            }

            int passwordLength = Utf8.GetByteCount(password);
            if (passwordLength > _passwordScratch.Length)
            {
                return ErrorCode.PasswordTooLong;
            }

            Utf8.Encode(password, _passwordScratch, 0);
            _md5.Reset();
            _md5.Update(0);
            _md5.Update(_passwordScratch, 0, passwordLength);
            _md5.Update(_challenge, 0, 16);
            _md5.Finish(_digest, 0);
            System.Array.Clear(_passwordScratch, 0, passwordLength);
            System.Array.Clear(_challenge, 0, _challenge.Length);

            response[offset] = (byte)'0';
            response[offset + 1] = (byte)'0';
            for (int i = 0; i < 16; i++)
            {
                response[offset + 2 + 2 * i] = (byte)HexDigits[_digest[i] >> 4];
                response[offset + 3 + 2 * i] = (byte)HexDigits[_digest[i] & 15];
            }

            System.Array.Clear(_digest, 0, _digest.Length);

            return ErrorCode.None;
        }

        private static int HexValue(byte c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
