using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Login
{
    /// <summary>The pre-6.43 challenge response, with the vectors of the RouterOS API notes.</summary>
    [TestClass]
    public class LegacyLoginTests
    {
        /// <summary>Password and challenge give the documented response.</summary>
        [TestMethod]
        [DataRow("", "93b438ec9b80057c06dd9fe67d56aa9a", "00e134102a9d330dd7b1849fedfea3cb57")]
        [DataRow("", "856780b7411eefd3abadee2058c149a3", "005062f7a5ef124d34675bf3e81f56c556")]
        [DataRow("secret", "aabbccddeeff00112233445566778899", "00a8bfd49490a32a90532cbac11691aae2")]
        [DataRow("secret", "AABBCCDDEEFF00112233445566778899", "00a8bfd49490a32a90532cbac11691aae2")]
        public static void Vectors(string password, string challenge, string expected)
        {
            byte[] hex = Ascii(challenge);
            byte[] response = new byte[LegacyLogin.ResponseLength];
            Assert.AreEqual((int)ErrorCode.None, (int)new LegacyLogin(64).ComputeResponse(password, hex, 0, hex.Length, response, 0));
            Assert.AreEqual(expected, new Utf8TextDecoder().Decode(response, 0, response.Length));
        }

        /// <summary>A challenge that is not 32 hex digits is refused with a code, not an exception.</summary>
        [TestMethod]
        [DataRow("93b438ec9b80057c06dd9fe67d56aa9")]
        [DataRow("93b438ec9b80057c06dd9fe67d56aa9a0")]
        [DataRow("93b438ec9b80057c06dd9fe67d56aazz")]
        [DataRow("")]
        public static void BadChallengeIsAnError(string challenge)
        {
            byte[] hex = Ascii(challenge);
            byte[] response = new byte[LegacyLogin.ResponseLength];
            Assert.AreEqual((int)ErrorCode.InvalidChallenge, (int)new LegacyLogin(64).ComputeResponse("x", hex, 0, hex.Length, response, 0));
        }

        /// <summary>A password longer than the configured scratch space is refused.</summary>
        [TestMethod]
        public static void OverlongPasswordIsRefused()
        {
            byte[] hex = Ascii("aabbccddeeff00112233445566778899");
            byte[] response = new byte[LegacyLogin.ResponseLength];
            Assert.AreEqual((int)ErrorCode.PasswordTooLong, (int)new LegacyLogin(4).ComputeResponse("secret", hex, 0, hex.Length, response, 0));
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
