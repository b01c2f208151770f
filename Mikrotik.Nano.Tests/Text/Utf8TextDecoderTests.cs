using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Text
{
    /// <summary>Decoding reply bytes to strings: UTF-8 where valid, byte for byte where not.</summary>
    [TestClass]
    public class Utf8TextDecoderTests
    {
        /// <summary>Valid UTF-8 of every sequence length decodes to its characters.</summary>
        [TestMethod]
        [DataRow("41 42 43", "ABC")]
        [DataRow("C3 A9", "\u00e9")]
        [DataRow("D0 9C D0 B8 D0 BA", "\u041c\u0438\u043a")]
        [DataRow("E2 82 AC", "\u20ac")]
        [DataRow("F0 9F 98 80", "\ud83d\ude00")]
        public static void ValidUtf8(string hex, string expected)
        {
            byte[] bytes = Hex.Parse(hex);
            Assert.AreEqual(expected, new Utf8TextDecoder().Decode(bytes, 0, bytes.Length));
        }

        /// <summary>Bytes that are not UTF-8 (Windows-1252 text, truncated or overlong sequences) come through as Latin-1.</summary>
        [TestMethod]
        [DataRow("63 61 66 E9", "caf\u00e9")]
        [DataRow("E2 82", "\u00e2\u0082")]
        [DataRow("C0 80", "\u00c0\u0080")]
        [DataRow("ED A0 80", "\u00ed\u00a0\u0080")]
        [DataRow("FF 41", "\u00ffA")]
        public static void InvalidBytesFallBackToLatin1(string hex, string expected)
        {
            byte[] bytes = Hex.Parse(hex);
            Assert.AreEqual(expected, new Utf8TextDecoder().Decode(bytes, 0, bytes.Length));
        }

        /// <summary>Zero bytes give the empty string.</summary>
        [TestMethod]
        public static void EmptyInput()
        {
            Assert.AreEqual(string.Empty, new Utf8TextDecoder().Decode(new byte[0], 0, 0));
        }
    }
}
