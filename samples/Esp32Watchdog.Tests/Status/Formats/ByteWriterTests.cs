using Esp32Watchdog.Status.Formats;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Status.Formats
{
    /// <summary>Numbers, UTF-8 and the escapes of JSON and Prometheus, written without strings; overflow is a flag.</summary>
    [TestClass]
    public class ByteWriterTests
    {
        /// <summary>Decimal numbers of every size and sign.</summary>
        [TestMethod]
        public static void WritesDecimalNumbers()
        {
            ByteWriter w = new ByteWriter(128);
            w.Number(0);
            w.Byte((byte)' ');
            w.Number(7);
            w.Byte((byte)' ');
            w.Number(-42);
            w.Byte((byte)' ');
            w.Number(1073741824);
            w.Byte((byte)' ');
            w.Number(long.MaxValue);
            w.Byte((byte)' ');
            w.Number(long.MinValue);
            Assert.AreEqual("0 7 -42 1073741824 9223372036854775807 -9223372036854775808", w.ToString());
        }

        /// <summary>Zero padding for timestamps.</summary>
        [TestMethod]
        public static void PadsWithZeros()
        {
            ByteWriter w = new ByteWriter(32);
            w.Padded(5, 2);
            w.Padded(7, 3);
            w.Padded(2026, 4);
            w.Padded(12, 2);
            Assert.AreEqual("050072026" + "12", w.ToString());
        }

        /// <summary>Non-ASCII text is UTF-8: two bytes for Cyrillic and three for the euro sign.</summary>
        [TestMethod]
        public static void EncodesUtf8()
        {
            ByteWriter w = new ByteWriter(32);
            w.Text("a\u0416\u20AC");
            Assert.AreEqual(6, w.Length);
            CollectionAssert.AreEqual(new byte[] { 0x61, 0xD0, 0x96, 0xE2, 0x82, 0xAC }, Slice(w));
        }

        /// <summary>JSON strings escape quotes and backslashes and control characters; null is the literal null.</summary>
        [TestMethod]
        public static void EscapesJsonStrings()
        {
            ByteWriter w = new ByteWriter(128);
            w.JsonString("say \"hi\"\\\n\t\u0001", 100);
            w.Byte((byte)' ');
            w.JsonString(null, 10);
            w.Byte((byte)' ');
            w.JsonString("abcdef", 3);
            Assert.AreEqual("\"say \\\"hi\\\"\\\\\\n\\t\\u0001\" null \"abc\"", w.ToString());
        }

        /// <summary>Prometheus label values escape backslash and quote and line feed and drop other controls.</summary>
        [TestMethod]
        public static void EscapesLabelValues()
        {
            ByteWriter w = new ByteWriter(64);
            w.LabelValue("a\"b\\c\nd\re", 100);
            Assert.AreEqual("a\\\"b\\\\c\\nde", w.ToString());
        }

        /// <summary>A write that does not fit sets the flag and writes nothing more.</summary>
        [TestMethod]
        public static void OverflowIsAFlag()
        {
            ByteWriter w = new ByteWriter(16);
            w.Text("0123456789");
            Assert.IsFalse(w.Overflowed);
            w.Text("abcdefghij");
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(16, w.Length);
            w.Text("x");
            Assert.AreEqual(16, w.Length);
            w.Clear();
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(0, w.Length);
        }

        /// <summary>After an overflow the bytes that fitted are kept without a character cut in half.</summary>
        [TestMethod]
        public static void KeepWhatFittedNeverCutsACharacter()
        {
            ByteWriter w = new ByteWriter(16);
            w.Text("0123456789abcd");
            w.Text("\u20AC");
            Assert.IsTrue(w.Overflowed);
            w.KeepWhatFitted();
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual("0123456789abcd", w.ToString());
            w.Text("!!");
            Assert.AreEqual("0123456789abcd!!", w.ToString());
        }

        /// <summary>A writer over a region of a larger buffer stays inside it.</summary>
        [TestMethod]
        public static void WritesInsideItsRegion()
        {
            byte[] buffer = new byte[10];
            ByteWriter w = new ByteWriter(buffer, 4, 3);
            w.Text("abcd");
            Assert.IsTrue(w.Overflowed);
            Assert.AreEqual(4, w.Start);
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 0x61, 0x62, 0x63, 0, 0, 0 }, buffer);
        }

        internal static byte[] Slice(ByteWriter w)
        {
            byte[] bytes = new byte[w.Length];
            System.Array.Copy(w.Buffer, w.Start, bytes, 0, w.Length);
            return bytes;
        }
    }
}
