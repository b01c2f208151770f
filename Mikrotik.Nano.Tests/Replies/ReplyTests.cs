using System;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Replies
{
    /// <summary>Every reply kind, read through the reply view without allocating.</summary>
    [TestClass]
    public class ReplyTests
    {
        /// <summary>
        /// The decoder records each word's value start once: every getter by word index reads the
        /// same value as its by-name twin, for words that arrived split across 3-byte reads.
        /// </summary>
        [TestMethod]
        public static void GettersByIndexMatchGettersByName()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/system/health/print"));
            WireScript.Transmitted(connection);
            WireScript.Feed(connection, WireScript.Sentence("!re", "=uptime=1h2m", "=ok=no", "=n=-12", "=flag", "=note=x=y=z", "=tx=12345678901",
                ".tag=" + tag.ToString()), 3);

            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            int uptime = reply.FindAttribute("uptime");
            TimeSpan duration;
            Assert.IsTrue(reply.TryGetDuration(uptime, out duration));
            Assert.AreEqual(new TimeSpan(1, 2, 0).Ticks, duration.Ticks);
            TimeSpan byName;
            Assert.IsTrue(reply.TryGetDuration("uptime", out byName));
            Assert.AreEqual(duration.Ticks, byName.Ticks);

            bool ok = true;
            Assert.IsTrue(reply.TryGetBool(reply.FindAttribute("ok"), out ok));
            Assert.IsFalse(ok);
            Assert.IsTrue(reply.TryGetBool("ok", out ok));
            Assert.IsFalse(ok);

            int n;
            Assert.IsTrue(reply.TryGetInt32(reply.FindAttribute("n"), out n));
            Assert.AreEqual(-12, n);
            long tx;
            Assert.IsFalse(reply.TryGetInt32(reply.FindAttribute("tx"), out n), "beyond int");
            Assert.IsTrue(reply.TryGetInt64(reply.FindAttribute("tx"), out tx));
            Assert.AreEqual(12345678901L, tx);

            int flag = reply.FindAttribute("flag");
            Assert.AreEqual(0, reply.GetValueLength(flag), "a word with no value has an empty one at its end");
            Assert.AreEqual(reply.GetWordOffset(flag) + reply.GetWordLength(flag), reply.GetValueOffset(flag));
            Assert.AreEqual(string.Empty, reply.GetString(flag));

            int note = reply.FindAttribute("note");
            Assert.AreEqual("x=y=z", reply.GetString(note));
            Assert.IsTrue(reply.AttributeEquals(note, "x=y=z"));
            Assert.IsTrue(reply.AttributeEquals("note", "x=y=z"));
            Assert.AreEqual(-1, reply.FindAttribute("note=x"), "a name ends at the first '='");
            byte[] copy = new byte[8];
            Assert.AreEqual(5, reply.CopyValue(note, copy, 0, copy.Length));
            Assert.AreEqual((byte)'z', copy[4]);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => reply.GetString(99));
        }

        /// <summary>A data row: lookup by name in any order, values with '=', empty values, integers, copying.</summary>
        [TestMethod]
        public static void DataRowAttributes()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            WireScript.Transmitted(connection);
            WireScript.Feed(connection, WireScript.Sentence("!re", "=comment=a=b=c", "=.id=*1", "=mtu=1500", "=empty=", "=only-key",
                "=big=-9223372036854775808", "=name=ether1", ".tag=" + tag.ToString()), 1024);

            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Data, (int)reply.Type);
            Assert.AreEqual(tag, reply.Tag);
            Assert.IsFalse(reply.IsTruncated);
            Assert.AreEqual(8, reply.WordCount, "the .tag word is not among the words");
            Assert.AreEqual("a=b=c", reply.GetString("comment"));
            Assert.AreEqual("*1", reply.GetString(".id"));
            Assert.IsTrue(reply.AttributeEquals("name", "ether1"));
            Assert.IsFalse(reply.AttributeEquals("name", "ether"));
            Assert.IsFalse(reply.AttributeEquals("nam", "ether1"));
            Assert.IsTrue(reply.HasAttribute("empty"));
            Assert.AreEqual(string.Empty, reply.GetString("empty"));
            Assert.IsTrue(reply.HasAttribute("only-key"));
            Assert.AreEqual(string.Empty, reply.GetString("only-key"));
            Assert.IsFalse(reply.HasAttribute("only"));
            Assert.IsNull(reply.GetString("missing"));

            int mtu;
            Assert.IsTrue(reply.TryGetInt32("mtu", out mtu));
            Assert.AreEqual(1500, mtu);
            long big;
            Assert.IsTrue(reply.TryGetInt64("big", out big));
            Assert.AreEqual(long.MinValue, big);
            int notNumber;
            Assert.IsFalse(reply.TryGetInt32("name", out notNumber));
            Assert.IsFalse(reply.TryGetInt32("empty", out notNumber));
            Assert.IsFalse(reply.TryGetInt32("big", out notNumber), "out of int range");

            byte[] destination = new byte[4];
            Assert.AreEqual(6, reply.CopyValue("name", destination, 0, 4), "the full length is reported");
            Assert.AreEqual((byte)'e', destination[0]);
            Assert.AreEqual((byte)'h', destination[2]);
            Assert.AreEqual(-1, reply.CopyValue("missing", destination, 0, 4));

            int w = reply.FindAttribute("mtu");
            Assert.AreEqual(4, reply.GetValueLength(w));
            Assert.AreEqual((byte)'1', reply.Buffer[reply.GetValueOffset(w)]);
            Assert.IsTrue(reply.WordEquals(0, "!re"));
            Assert.AreEqual("=mtu=1500", reply.GetWordString(w));
        }

        /// <summary>A trap carries message and category and any extra attribute; !done follows and ends the command.</summary>
        [TestMethod]
        public static void TrapThenDone()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/ip/address/add").Attribute("address", "1.1.1.1/32"));
            WireScript.Transmitted(connection);
            string t = ".tag=" + tag.ToString();
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!trap", "=category=1", "=message=input does not match any value of interface", "=extra=kept", t),
                WireScript.Sentence("!trap", "=message=second", t),
                WireScript.Sentence("!done", t)), 7);

            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Trap, (int)reply.Type);
            Assert.AreEqual(1, reply.Category);
            Assert.AreEqual("input does not match any value of interface", reply.GetString("message"));
            Assert.AreEqual("kept", reply.GetString("extra"));
            Assert.IsTrue(connection.IsActive(tag), "a trap does not end the command");

            reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Trap, (int)reply.Type);
            Assert.AreEqual(-1, reply.Category);

            reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Done, (int)reply.Type);
            Assert.IsFalse(connection.IsActive(tag), "!done ends the command");
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
        }

        /// <summary>!done may carry =ret= (the id after add); !empty comes before !done.</summary>
        [TestMethod]
        public static void DoneWithRetAndEmpty()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int add = connection.Send(connection.NewCommand().Path("/ip/address/add").Attribute("address", "1.1.1.1/32"));
            int print = connection.Send(connection.NewCommand().Path("/ip/address/print"));
            WireScript.Transmitted(connection);
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!done", "=ret=*A", ".tag=" + add.ToString()),
                WireScript.Sentence("!empty", ".tag=" + print.ToString()),
                WireScript.Sentence("!done", ".tag=" + print.ToString())), 1024);

            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Done, (int)reply.Type);
            Assert.AreEqual("*A", reply.GetString("ret"));
            reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Empty, (int)reply.Type);
            Assert.AreEqual(print, reply.Tag);
            Assert.IsTrue(connection.IsActive(print));
            reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Done, (int)reply.Type);
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>An unknown reply word is delivered as Unknown to its command, and the stream goes on.</summary>
        [TestMethod]
        public static void UnknownReplyWord()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!surprise", "=x=1", ".tag=" + tag.ToString()),
                WireScript.Sentence("!done", ".tag=" + tag.ToString())), 1024);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Unknown, (int)reply.Type);
            Assert.AreEqual("1", reply.GetString("x"));
            Assert.AreEqual((int)ReplyType.Done, (int)WireScript.Expect(connection, ConnectionEvent.Reply).Type);
        }

        /// <summary>!fatal closes the connection with its bare reason word, and ends every command.</summary>
        [TestMethod]
        public static void FatalClosesTheConnection()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!fatal", "session terminated on request"),
                WireScript.Sentence("!re", "=message=after", ".tag=" + tag.ToString())), 1024);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.Closed);
            Assert.AreEqual((int)ReplyType.Fatal, (int)reply.Type);
            Assert.AreEqual("session terminated on request", reply.GetWordString(1));
            Assert.AreEqual((int)ConnectionState.Closed, (int)connection.State);
            Assert.AreEqual((int)ErrorCode.Fatal, (int)connection.Error);
            Assert.IsFalse(connection.IsActive(tag));
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll(), "nothing is processed after !fatal");
            Throws.Code(ErrorCode.ConnectionClosed, () => connection.Send(connection.NewCommand().Path("/quit")));
        }
    }
}
