using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Commands
{
    /// <summary>Encoding commands into the transmit buffer: every word form, validation, and all-or-nothing writes.</summary>
    [TestClass]
    public class CommandWriterTests
    {
        /// <summary>Attributes, flags, .proplist and the tag come out as the router expects them.</summary>
        [TestMethod]
        public static void AttributesAndTag()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/ip/address/add")
                .Attribute("address", "10.0.0.1/24")
                .Attribute("comment", "a=b")
                .Attribute("count", 42)
                .Attribute("offset", -7)
                .Flag("disabled")
                .Proplist(".id,address")
                );
            WireScript.AssertWords(new string[]
            {
                "/ip/address/add", "=address=10.0.0.1/24", "=comment=a=b", "=count=42", "=offset=-7", "=disabled=",
                "=.proplist=.id,address", ".tag=" + tag.ToString()
            }, WireScript.SingleTransmitted(connection));
        }

        /// <summary>Every query form, in order.</summary>
        [TestMethod]
        public static void QueryWords()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print")
                .QueryHas("comment")
                .QueryLacks("disabled")
                .QueryEquals("type", "ether")
                .QueryEqualsAttribute("type", "vlan")
                .QueryLess("mtu", "1500")
                .QueryGreater("mtu", "1000")
                .QueryOperations("|")
                .QueryOperations("!&.0")
                );
            WireScript.AssertWords(new string[]
            {
                "/interface/print", "?comment", "?-disabled", "?type=ether", "?=type=vlan", "?<mtu=1500", "?>mtu=1000",
                "?#|", "?#!&.0", ".tag=" + tag.ToString()
            }, WireScript.SingleTransmitted(connection));
        }

        /// <summary>Text values are sent as UTF-8; byte values as they are.</summary>
        [TestMethod]
        public static void ValuesAreBytes()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            connection.Send(connection.NewCommand().Path("/system/identity/set")
                .Attribute("name", "\u00e9")
                .Attribute("raw", new byte[] { 0xFF, 0x00, 0x41 }, 0, 3)
                );
            byte[] buffer = connection.TransmitBuffer;
            int at = connection.TransmitOffset;
            // "/system/identity/set" is 20 bytes: prefix 0x14.
            Assert.AreEqual((byte)20, buffer[at]);
            at += 21;
            Assert.AreEqual((byte)8, buffer[at]);
            Assert.AreEqual(Hex.Format(buffer, at + 1, 8), "3d6e616d653dc3a9");
            at += 9;
            Assert.AreEqual((byte)8, buffer[at]);
            Assert.AreEqual(Hex.Format(buffer, at + 1, 8), "3d7261773dff0041");
        }

        /// <summary>Paths must be /segment/segment with safe characters.</summary>
        [TestMethod]
        [DataRow("")]
        [DataRow("/")]
        [DataRow("system/resource/print")]
        [DataRow("/system//print")]
        [DataRow("/system/resource/")]
        [DataRow("/system resource")]
        [DataRow("/system/=x")]
        public static void InvalidPathsAreRefused(string path)
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            Throws.Code(ErrorCode.InvalidPath, () => connection.NewCommand().Path(path));
            Assert.AreEqual(0, connection.TransmitCount, "nothing may be written");
        }

        /// <summary>Names with '=', spaces or nothing in them are refused and nothing is written.</summary>
        [TestMethod]
        [DataRow("")]
        [DataRow("a=b")]
        [DataRow("a b")]
        public static void InvalidNamesAreRefused(string name)
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            Throws.Code(ErrorCode.InvalidName, () => connection.NewCommand().Path("/interface/print").Attribute(name, "x"));
            Throws.Code(ErrorCode.InvalidName, () => connection.NewCommand().Path("/interface/print").QueryHas(name));
            Assert.AreEqual(0, connection.TransmitCount, "nothing may be written");
        }

        /// <summary>?# accepts only ! &amp; | . and digits.</summary>
        [TestMethod]
        [DataRow("")]
        [DataRow("|x")]
        [DataRow("= ")]
        public static void InvalidQueryOperationsAreRefused(string operations)
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            Throws.Code(ErrorCode.InvalidQuery, () => connection.NewCommand().Path("/interface/print").QueryOperations(operations));
        }

        /// <summary>A command larger than the buffer is refused whole, and the next command still goes out intact.</summary>
        [TestMethod]
        public static void TooLargeIsRolledBack()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TransmitBufferSize = 64;
            ApiConnection connection = WireScript.LoggedIn(options);
            Throws.Code(ErrorCode.CommandTooLarge, () => connection.Send(connection.NewCommand().Path("/system/identity/set")
                .Attribute("name", "0123456789012345678901234567890123456789012345678901234567890123456789")));
            Throws.Code(ErrorCode.CommandTooLarge, () => new CommandBuffer(32).Begin().Path("/system/identity/set")
                .Attribute("name", "0123456789012345678901234567890123456789012345678901234567890123456789"));
            Assert.AreEqual(0, connection.TransmitCount);

            int tag = connection.Send(connection.NewCommand().Path("/system/identity/print"));
            WireScript.AssertWords(new string[] { "/system/identity/print", ".tag=" + tag.ToString() }, WireScript.SingleTransmitted(connection));
        }

        /// <summary>With unsent bytes pending, a command that would fit an empty buffer says "flush first".</summary>
        [TestMethod]
        public static void FullBufferSaysFlushFirst()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TransmitBufferSize = 64;
            ApiConnection connection = WireScript.LoggedIn(options);
            connection.Send(connection.NewCommand().Path("/system/identity/print"));
            int pending = connection.TransmitCount;
            Throws.Code(ErrorCode.TransmitBufferFull, () => connection.Send(connection.NewCommand().Path("/system/resource/print").Proplist("uptime,cpu-load,free-memory")));
            Assert.AreEqual(pending, connection.TransmitCount, "the pending command is untouched");
        }

        /// <summary>Every slot busy: Send refuses and nothing is written.</summary>
        [TestMethod]
        public static void TagTableFull()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TagSlots = 2;
            ApiConnection connection = WireScript.LoggedIn(options);
            connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            int pending = connection.TransmitCount;
            Throws.Code(ErrorCode.TagTableFull, () => connection.Send(connection.NewCommand().Path("/interface/print")));
            Assert.AreEqual(pending, connection.TransmitCount);
        }

        /// <summary>No command before login, and a writer is dead after Send.</summary>
        [TestMethod]
        public static void StateIsEnforced()
        {
            ApiConnection fresh = new ApiConnection(null);
            Throws.Code(ErrorCode.NotLoggedIn, () => fresh.Send(fresh.NewCommand().Path("/interface/print")));

            ApiConnection connection = WireScript.LoggedIn(null);
            CommandWriter writer = connection.NewCommand().Path("/interface/print");
            connection.Send(writer);
            Throws.Code(ErrorCode.InvalidState, () => writer.Attribute("x", "y"));
            Throws.Code(ErrorCode.InvalidState, () => connection.Send(writer));

            Assert.ThrowsException(typeof(System.ArgumentNullException), () => connection.Send(null));

            // A writer held across Begin cannot add words before the new command has its path.
            connection.NewCommand();
            Throws.Code(ErrorCode.InvalidState, () => writer.Attribute("x", "y"));
        }

        /// <summary>A caller-owned buffer builds without touching the connection; a failed Send leaves it staged for a retry.</summary>
        [TestMethod]
        public static void OwnBufferAndRetry()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TransmitBufferSize = 96;
            ApiConnection connection = WireScript.LoggedIn(options);
            connection.Send(connection.NewCommand().Path("/system/identity/print"));

            CommandBuffer mine = new CommandBuffer(128);
            CommandWriter writer = mine.Begin().Path("/system/resource/print").Proplist("uptime,cpu-load,free-memory");
            Throws.Code(ErrorCode.TransmitBufferFull, () => connection.Send(writer));
            WireScript.Transmitted(connection);
            int tag = connection.Send(writer);
            Assert.AreEqual(".tag=" + tag.ToString(), WireScript.SingleTransmitted(connection)[2]);
        }

        /// <summary>Tags are distinct for commands in flight.</summary>
        [TestMethod]
        public static void TagsAreDistinct()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int a = connection.Send(connection.NewCommand().Path("/interface/print"));
            int b = connection.Send(connection.NewCommand().Path("/interface/print"));
            Assert.AreNotEqual(a, b);
            Assert.IsTrue(connection.IsActive(a) && connection.IsActive(b));
            Assert.AreEqual(2, connection.ActiveCommandCount);
        }

        /// <summary>Issue 10 defect 7: InvalidPath names the path and the rule.</summary>
        [TestMethod]
        public static void InvalidPathNamesPathAndRule()
        {
            try
            {
#pragma warning disable MTN0002, MTN0009 // the runtime check of a bad path is the test
                new CommandBuffer(64).Begin().Path("/ip address/print");
#pragma warning restore MTN0002, MTN0009
                Assert.IsTrue(false, "must throw");
            }
            catch (MikrotikException e)
            {
                Assert.AreEqual((int)ErrorCode.InvalidPath, (int)e.Code);
                Assert.IsTrue(e.Message.IndexOf("/ip address/print") >= 0, e.Message);
                Assert.IsTrue(e.Message.IndexOf("letters") >= 0, e.Message);
            }
        }
    }
}
