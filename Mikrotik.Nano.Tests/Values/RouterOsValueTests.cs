using System;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Values
{
    /// <summary>RouterOS durations and booleans parsed in place, by the static parser, a reply and a row table.</summary>
    [TestClass]
    public class RouterOsValueTests
    {
        /// <summary>Every unit, mixed units, clocks with and without days and fractions; expected ticks (100 ns).</summary>
        [TestMethod]
        [DataRow("3d4h7m46s", "2740660000000")]
        [DataRow("1w2d", "7776000000000")]
        [DataRow("00:05:00", "3000000000")]
        [DataRow("217us", "2170")]
        [DataRow("1ms500us", "15000")]
        [DataRow("1s500ms", "15000000")]
        [DataRow("0s", "0")]
        [DataRow("52w", "314496000000000")]
        [DataRow("5h30m", "198000000000")]
        [DataRow("2d00:01:02", "1728620000000")]
        [DataRow("1w2d03:04:05", "7886450000000")]
        [DataRow("123:00:00", "4428000000000")]
        [DataRow("00:00:07.25", "72500000")]
        [DataRow("00:00:00.123456789", "1234567")]
        [DataRow("1500ns", "15")]
        [DataRow("99ns", "0")]
        public static void ParsesDurations(string text, string expectedTicks)
        {
            byte[] bytes = Ascii(text);
            TimeSpan value;
            Assert.IsTrue(RouterOsValue.TryParseDuration(bytes, 0, bytes.Length, out value), text);
            Assert.AreEqual(expectedTicks, value.Ticks.ToString(), text);
        }

        /// <summary>Bare numbers, unknown units, signs, spaces, bad clocks and overflow are refused.</summary>
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
        [DataRow("1m2")]
        [DataRow("1ss")]
        [DataRow("1u")]
        [DataRow("9999999999w")]
        [DataRow("999999999w999999999w")]
        [DataRow("999999999:00:00")]
        public static void RejectsNonDurations(string text)
        {
            byte[] bytes = Ascii(text);
            TimeSpan value;
            Assert.IsFalse(RouterOsValue.TryParseDuration(bytes, 0, bytes.Length, out value), text);
            Assert.AreEqual("0", value.Ticks.ToString(), "the value is zero on failure");
        }

        /// <summary>Only the given range is read; a range past the buffer is refused, not read.</summary>
        [TestMethod]
        public static void ParsesARangeInsideALargerBuffer()
        {
            byte[] bytes = Ascii("=uptime=1h2s;");
            TimeSpan value;
            Assert.IsTrue(RouterOsValue.TryParseDuration(bytes, 8, 4, out value));
            Assert.AreEqual(new TimeSpan(1, 0, 2).Ticks.ToString(), value.Ticks.ToString());
            Assert.IsFalse(RouterOsValue.TryParseDuration(bytes, 8, 5, out value), "the ';' is not part of a duration");
            Assert.IsFalse(RouterOsValue.TryParseDuration(bytes, 8, 6, out value), "past the end");
            Assert.IsFalse(RouterOsValue.TryParseDuration(null, 0, 1, out value));
        }

        /// <summary>The four boolean words; anything else (other case included) is refused.</summary>
        [TestMethod]
        [DataRow("true", true)]
        [DataRow("yes", true)]
        [DataRow("false", false)]
        [DataRow("no", false)]
        public static void ParsesBooleans(string text, bool expected)
        {
            byte[] bytes = Ascii(text);
            bool value;
            Assert.IsTrue(RouterOsValue.TryParseBool(bytes, 0, bytes.Length, out value), text);
            Assert.AreEqual(expected, value, text);
        }

        /// <summary>Not booleans: other words, other case, empty, a prefix.</summary>
        [TestMethod]
        [DataRow("True")]
        [DataRow("YES")]
        [DataRow("")]
        [DataRow("tru")]
        [DataRow("1")]
        [DataRow("on")]
        public static void RejectsNonBooleans(string text)
        {
            byte[] bytes = Ascii(text);
            bool value;
            Assert.IsFalse(RouterOsValue.TryParseBool(bytes, 0, bytes.Length, out value), text);
            Assert.IsFalse(value);
        }

        /// <summary>A reply reads durations and booleans by attribute name, in place.</summary>
        [TestMethod]
        public static void ReplyReadsTypedValues()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/system/resource/print"));
            WireScript.Transmitted(connection);
            WireScript.Feed(connection, WireScript.Sentence("!re", "=uptime=3d4h7m46s", "=running=true", "=disabled=no",
                "=cpu-load=7", ".tag=" + tag.ToString()), 1024);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);

            TimeSpan uptime;
            Assert.IsTrue(reply.TryGetDuration("uptime", out uptime));
            Assert.AreEqual((long)((((3 * 24) + 4) * 3600) + (7 * 60) + 46), uptime.Ticks / TimeSpan.TicksPerSecond);
            Assert.IsFalse(reply.TryGetDuration("cpu-load", out uptime), "a bare number is not a duration");
            Assert.IsFalse(reply.TryGetDuration("missing", out uptime));

            bool flag;
            Assert.IsTrue(reply.TryGetBool("running", out flag));
            Assert.IsTrue(flag);
            Assert.IsTrue(reply.TryGetBool("disabled", out flag));
            Assert.IsFalse(flag);
            Assert.IsFalse(reply.TryGetBool("uptime", out flag));
            Assert.IsFalse(reply.TryGetBool("missing", out flag));
        }

        /// <summary>A row table reads the same from its stored bytes.</summary>
        [TestMethod]
        public static void RowTableReadsTypedValues()
        {
            InMemoryTransport transport;
            ScriptedRouter router = ScriptedRouter.Start(RouterBehaviour.Answer, out transport);
            ClientOptions options = new ClientOptions();
            options.LoginTimeoutMilliseconds = 2000;
            options.ReadSliceMilliseconds = 20;
            ApiClient client = new ApiClient(options);
            client.Connect(transport, "admin", "secret");

            RowTable table = new RowTable(new string[] { "name", "running" }, 8, 256);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/interface/print"), table, 2000));
            bool running;
            Assert.IsTrue(table.TryGetBool(0, 1, out running));
            Assert.IsTrue(running);
            Assert.IsTrue(table.TryGetBool(1, 1, out running));
            Assert.IsFalse(running);
            TimeSpan duration;
            Assert.IsFalse(table.TryGetDuration(0, 0, out duration), "ether1 is not a duration");
            client.Close();
            router.Stop();
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
