using System;
using Mikrotik.Nano;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Health
{
    /// <summary>
    /// The uptime formats the watchdog relies on, in whole seconds as the probe reports them. The parser is
    /// the library's (<see cref="RouterOsValue"/>); its own tests are in Mikrotik.Nano.Tests.
    /// </summary>
    [TestClass]
    public class UptimeFormatTests
    {
        /// <summary>Parses.</summary>
        [TestMethod]
        [DataRow("1w3d1h2m1s", 867721)]
        [DataRow("0s", 0)]
        [DataRow("45s", 45)]
        [DataRow("3w", 1814400)]
        [DataRow("2d", 172800)]
        [DataRow("5h30m", 19800)]
        [DataRow("1m", 60)]
        [DataRow("01:22:53", 4973)]
        [DataRow("00:00:00", 0)]
        [DataRow("2d00:01:02", 172862)]
        [DataRow("1w2d03:04:05", 788645)]
        [DataRow("123:00:00", 442800)]
        [DataRow("1s500ms", 1)]
        [DataRow("136us", 0)]
        [DataRow("10ms", 0)]
        [DataRow("00:00:07.25", 7)]
        [DataRow("52w", 31449600)]
        public static void Parses(string text, int expected)
        {
            long seconds;
            Assert.IsTrue(TryParseSeconds(text, out seconds), text);
            Assert.AreEqual((long)expected, seconds, text);
        }

        /// <summary>Rejects.</summary>
        [TestMethod]
        [DataRow("")]
        [DataRow("5")]
        [DataRow("abc")]
        [DataRow("1x")]
        [DataRow("w")]
        [DataRow("1h 2m")]
        [DataRow("-1s")]
        [DataRow("1:2")]
        [DataRow("01:60:00")]
        [DataRow("01:00:60")]
        [DataRow("01:00:00x")]
        [DataRow("01:00:00:00")]
        [DataRow("00:00:07.")]
        [DataRow("1d2")]
        [DataRow("9999999999w")]
        [DataRow("1m2")]
        public static void Rejects(string text)
        {
            long seconds;
            Assert.IsFalse(TryParseSeconds(text, out seconds), text);
            Assert.AreEqual(0L, seconds, text);
        }

        /// <summary>Parses bytes in place.</summary>
        [TestMethod]
        public static void ParsesBytesInPlace()
        {
            byte[] buffer = new byte[] { (byte)'x', (byte)'3', (byte)'d', (byte)'4', (byte)'h', (byte)'y' };
            TimeSpan value;
            Assert.IsTrue(RouterOsValue.TryParseDuration(buffer, 1, 4, out value));
            Assert.AreEqual(3L * 86400 + 4 * 3600, value.Ticks / TimeSpan.TicksPerSecond);
        }

        private static bool TryParseSeconds(string text, out long seconds)
        {
            // RouterOS sends these as ASCII; nanoFramework's mscorlib has no Encoding.
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            TimeSpan value;
            bool ok = RouterOsValue.TryParseDuration(bytes, 0, bytes.Length, out value);
            seconds = value.Ticks / TimeSpan.TicksPerSecond;
            return ok;
        }
    }
}
