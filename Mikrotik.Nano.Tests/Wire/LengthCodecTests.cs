using System;
using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Wire
{
    /// <summary>The length prefix: every vector of the RouterOS API notes, and the bad first bytes.</summary>
    [TestClass]
    public class LengthCodecTests
    {
        /// <summary>Each vector encodes to its bytes and decodes back, whole and split.</summary>
        [TestMethod]
        [DataRow("0x0", "00")]
        [DataRow("0x7F", "7F")]
        [DataRow("0x80", "80 80")]
        [DataRow("0x81", "80 81")]
        [DataRow("130", "80 82")]
        [DataRow("300", "81 2C")]
        [DataRow("0x1C42", "9C 42")]
        [DataRow("0x3FFE", "BF FE")]
        [DataRow("0x3FFF", "BF FF")]
        [DataRow("0x4000", "C0 40 00")]
        [DataRow("0x4321", "C0 43 21")]
        [DataRow("17000", "C0 42 68")]
        [DataRow("0x1FFFFF", "DF FF FF")]
        [DataRow("0x200000", "E0 20 00 00")]
        [DataRow("0x2ACDEF", "E0 2A CD EF")]
        [DataRow("0xFFFFFFF", "EF FF FF FF")]
        [DataRow("0x10000000", "F0 10 00 00 00")]
        [DataRow("0x10000080", "F0 10 00 00 80")]
        [DataRow("0xFFFFFFFF", "F0 FF FF FF FF")]
        public static void VectorRoundTrips(string lengthText, string hex)
        {
            uint length = ParseNumber(lengthText);
            byte[] expected = Support.Hex.Parse(hex);
            byte[] buffer = new byte[8];
            int written = LengthCodec.Encode(length, buffer, 1);
            Assert.AreEqual(expected.Length, written);
            Assert.AreEqual(expected.Length, LengthCodec.GetPrefixSize(length));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], buffer[1 + i]);
            }

            for (int available = 0; available < expected.Length; available++)
            {
                uint partial;
                int size;
                Assert.AreEqual((int)LengthStatus.NeedMore, (int)LengthCodec.Decode(expected, 0, available, out partial, out size));
            }

            uint decoded;
            int prefix;
            Assert.AreEqual((int)LengthStatus.Complete, (int)LengthCodec.Decode(expected, 0, expected.Length, out decoded, out prefix));
            Assert.AreEqual(length, decoded);
            Assert.AreEqual(expected.Length, prefix);
        }

        private static uint ParseNumber(string text)
        {
            return text.StartsWith("0x") ? (uint)Convert.ToUInt64(text.Substring(2), 16) : (uint)Convert.ToUInt64(text, 10);
        }

        /// <summary>A lone 0x80 is an incomplete prefix, not an error.</summary>
        [TestMethod]
        public static void LoneTwoBytePrefixWaits()
        {
            uint length;
            int size;
            Assert.AreEqual((int)LengthStatus.NeedMore, (int)LengthCodec.Decode(new byte[] { 0x80 }, 0, 1, out length, out size));
        }

        /// <summary>0xF8..0xFF are reserved control bytes.</summary>
        [TestMethod]
        [DataRow((byte)0xF8)]
        [DataRow((byte)0xFC)]
        [DataRow((byte)0xFF)]
        public static void ReservedControlBytesAreRejected(byte first)
        {
            uint length;
            int size;
            Assert.AreEqual((int)LengthStatus.ReservedControlByte, (int)LengthCodec.Decode(new byte[] { first, 0, 0, 0, 0, 0 }, 0, 6, out length, out size));
        }

        /// <summary>0xF1..0xF7 are a defined error, not a 35-bit length.</summary>
        [TestMethod]
        [DataRow((byte)0xF1)]
        [DataRow((byte)0xF4)]
        [DataRow((byte)0xF7)]
        public static void DisputedPrefixesAreRejected(byte first)
        {
            uint length;
            int size;
            Assert.AreEqual((int)LengthStatus.UnsupportedPrefix, (int)LengthCodec.Decode(new byte[] { first, 0, 0, 0, 0, 0 }, 0, 6, out length, out size));
        }
    }
}
