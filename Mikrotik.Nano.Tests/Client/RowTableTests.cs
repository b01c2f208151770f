using System;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Client
{
    /// <summary>RowTable: columns by name, clear errors, and the connection's text decoder.</summary>
    [TestClass]
    public class RowTableTests
    {
        private sealed class BracketDecoder : ITextDecoder
        {
            private readonly Utf8TextDecoder _inner = new Utf8TextDecoder();

            public string Decode(byte[] buffer, int offset, int count)
            {
                return "[" + _inner.Decode(buffer, offset, count) + "]";
            }
        }

        private static ApiClient Connect(ClientOptions options, out ScriptedRouter router)
        {
            InMemoryTransport transport;
            router = ScriptedRouter.Start(RouterBehaviour.Answer, out transport);
            ApiClient client = new ApiClient(options);
            client.Connect(transport, "admin", "secret");
            return client;
        }

        /// <summary>Columns by name; an unknown name is an ArgumentException that names it; a bad index names the right parameter.</summary>
        [TestMethod]
        public static void ColumnsByName()
        {
            ScriptedRouter router;
            ApiClient client = Connect(new ClientOptions(), out router);
            RowTable rows = new RowTable(new string[] { "name", "running" }, 8, 256);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/interface/print"), rows, 5000));
            Assert.IsTrue(rows.ValueEquals(1, "running", "false"));
            Assert.AreEqual("wlan1", rows.GetString(2, "name"));
            Assert.IsTrue(rows.Has(0, "name"));
            Assert.IsFalse(rows.IsTruncated(0));
            try
            {
                rows.GetString(0, "nmae");
                Assert.IsTrue(false, "an unknown column must throw");
            }
            catch (ArgumentOutOfRangeException)
            {
                Assert.IsTrue(false, "not an index error");
            }
            catch (ArgumentException e)
            {
                Assert.IsTrue(e.Message.IndexOf("nmae") >= 0, e.Message);
            }

            try
            {
                rows.GetString(0, 5);
                Assert.IsTrue(false, "a bad column index must throw");
            }
            catch (ArgumentOutOfRangeException e)
            {
                Assert.AreEqual("column", e.ParamName);
            }

            client.Close();
            router.Stop();
        }

        /// <summary>Every typed getter reads the same value by column index and by column name.</summary>
        [TestMethod]
        public static void TypedGettersByIndexAndByName()
        {
            ScriptedRouter router;
            ApiClient client = Connect(new ClientOptions(), out router);
            RowTable rows = new RowTable(new string[] { "uptime", "fan-ok", "temperature", "bytes", "note", "absent" }, 2, 256);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/system/health/print"), rows, 5000));
            Assert.AreEqual(1, rows.Count);

            TimeSpan byIndex;
            TimeSpan byName;
            Assert.IsTrue(rows.TryGetDuration(0, 0, out byIndex));
            Assert.IsTrue(rows.TryGetDuration(0, "uptime", out byName));
            Assert.AreEqual(new TimeSpan(3, 4, 7, 46).Ticks, byIndex.Ticks);
            Assert.AreEqual(byIndex.Ticks, byName.Ticks);

            bool flag;
            Assert.IsTrue(rows.TryGetBool(0, 1, out flag));
            Assert.IsTrue(flag);
            flag = false;
            Assert.IsTrue(rows.TryGetBool(0, "fan-ok", out flag));
            Assert.IsTrue(flag);

            int small;
            Assert.IsTrue(rows.TryGetInt32(0, 2, out small));
            Assert.AreEqual(47, small);
            Assert.IsTrue(rows.TryGetInt32(0, "temperature", out small));
            Assert.AreEqual(47, small);
            Assert.IsFalse(rows.TryGetInt32(0, "bytes", out small), "beyond int: refused, not wrapped");
            Assert.AreEqual(0, small);
            long wide;
            Assert.IsTrue(rows.TryGetInt64(0, "bytes", out wide));
            Assert.AreEqual(8589934592L, wide);

            Assert.AreEqual("a=b", rows.GetString(0, "note"), "the value starts after the first '=' past the name");
            Assert.IsFalse(rows.TryGetInt32(0, "absent", out small));
            Assert.IsFalse(rows.TryGetBool(0, 5, out flag));
            client.Close();
            router.Stop();
        }

        /// <summary>Defect 7: RowTable decodes with ConnectionOptions.TextDecoder, as the replies do.</summary>
        [TestMethod]
        public static void UsesTheConnectionsDecoder()
        {
            ClientOptions options = new ClientOptions();
            options.Connection.TextDecoder = new BracketDecoder();
            ScriptedRouter router;
            ApiClient client = Connect(options, out router);
            RowTable rows = new RowTable(new string[] { "name" }, 8, 256);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/interface/print"), rows, 5000));
            Assert.AreEqual("[ether1]", rows.GetString(0, "name"));
            Assert.AreEqual("[MikroTik]", client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 5000));
            client.Close();
            router.Stop();
        }
    }
}
