using System.Collections;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Connection
{
    /// <summary>Tags: routing of interleaved replies, unknown tags, slot reuse, cancel and release.</summary>
    [TestClass]
    public class RoutingTests
    {
        /// <summary>Eight commands whose replies interleave each reach their own command, in order.</summary>
        [TestMethod]
        public static void EightInterleavedCommands()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int[] tags = new int[8];
            for (int i = 0; i < 8; i++)
            {
                tags[i] = connection.Send(connection.NewCommand().Path("/interface/print").Attribute("n", i));
            }

            WireScript.Transmitted(connection);
            ArrayList parts = new ArrayList();
            for (int row = 0; row < 3; row++)
            {
                for (int i = 7; i >= 0; i--)
                {
                    parts.Add(WireScript.Sentence("!re", "=cmd=" + i.ToString(), "=row=" + row.ToString(), ".tag=" + tags[i].ToString()));
                }
            }

            for (int i = 0; i < 8; i++)
            {
                parts.Add(WireScript.Sentence("!done", ".tag=" + tags[i].ToString()));
            }

            byte[] stream = WireScript.Concat((byte[][])parts.ToArray(typeof(byte[])));
            int[] nextRow = new int[8];
            int done = 0;
            int at = 0;
            while (done < 8)
            {
                ConnectionEvent e = connection.Poll();
                if (e == ConnectionEvent.None)
                {
                    Assert.IsTrue(at < stream.Length, "ran out of input");
                    at += WireScript.FeedChunk(connection, stream, at, 13);
                    continue;
                }

                Assert.AreEqual((int)ConnectionEvent.Reply, (int)e);
                Reply reply = connection.Reply;
                int i = IndexOf(tags, reply.Tag);
                Assert.IsTrue(i >= 0, "reply routed to an issued tag");
                if (reply.Type == ReplyType.Done)
                {
                    Assert.AreEqual(3, nextRow[i], "all rows before !done");
                    done++;
                    continue;
                }

                int cmd;
                int row;
                Assert.IsTrue(reply.TryGetInt32("cmd", out cmd));
                Assert.IsTrue(reply.TryGetInt32("row", out row));
                Assert.AreEqual(i, cmd, "row delivered to the right command");
                Assert.AreEqual(nextRow[i], row, "rows in order");
                nextRow[i]++;
            }

            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>Replies with a foreign tag or none are reported as unrouted, and the stream stays in sync.</summary>
        [TestMethod]
        public static void UnknownTagsAreReported()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!re", "=x=1", ".tag=999"),
                WireScript.Sentence("!re", "=x=2", ".tag=abc"),
                WireScript.Sentence("!done"),
                WireScript.Sentence(".tag=abc"),
                WireScript.Sentence("!done", ".tag=" + tag.ToString())), 1024);
            Assert.AreEqual(999, WireScript.Expect(connection, ConnectionEvent.UnroutedReply).Tag);
            Assert.AreEqual(-1, WireScript.Expect(connection, ConnectionEvent.UnroutedReply).Tag);
            Assert.AreEqual(-1, WireScript.Expect(connection, ConnectionEvent.UnroutedReply).Tag);
            Reply onlyTag = WireScript.Expect(connection, ConnectionEvent.UnroutedReply);
            Assert.AreEqual((int)ReplyType.Unknown, (int)onlyTag.Type, "a sentence of a bare tag word is reported, not ignored");
            Assert.AreEqual(tag, WireScript.Expect(connection, ConnectionEvent.Reply).Tag);
        }

        /// <summary>A slot is reused only after the final !done, and the old tag never sees the new command's replies.</summary>
        [TestMethod]
        public static void SlotReuseNeedsDone()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TagSlots = 1;
            ApiConnection connection = WireScript.LoggedIn(options);
            int firstSlot;
            int first = connection.Send(connection.NewCommand().Path("/interface/print"), ApiConnection.NoDeadline, out firstSlot);
            Assert.AreEqual(0, firstSlot, "Send hands back the slot with the tag");
            Throws.Code(ErrorCode.TagTableFull, () => connection.Send(connection.NewCommand().Path("/interface/print")));
            WireScript.Feed(connection, WireScript.Sentence("!done", ".tag=" + first.ToString()), 1024);
            WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual(0, connection.EventSlot, "the final reply names its slot");
            Assert.AreEqual(first, connection.EventTag);

            int secondSlot;
            int second = connection.Send(connection.NewCommand().Path("/interface/print"), ApiConnection.NoDeadline, out secondSlot);
            Assert.AreNotEqual(first, second);
            Assert.AreEqual(0, secondSlot, "same slot, new tag");
            Assert.IsFalse(connection.IsActive(first), "the old tag is stale");
            Assert.IsTrue(connection.IsActive(second));
            WireScript.Feed(connection, WireScript.Sentence("!re", ".tag=" + first.ToString()), 1024);
            Assert.AreEqual((int)ConnectionEvent.UnroutedReply, (int)connection.Poll(), "a late reply for the old tag is not given to the new command");
        }

        /// <summary>Cancel sends /cancel =tag=X with the connection's own tag; the command still gets its trap and !done.</summary>
        [TestMethod]
        public static void CancelUsesItsOwnTag()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow-only"));
            WireScript.Transmitted(connection);
            connection.Cancel(tag);
            string[] cancel = WireScript.SingleTransmitted(connection);
            Assert.AreEqual("/cancel", cancel[0]);
            Assert.AreEqual("=tag=" + tag.ToString(), cancel[1]);
            string own = WireScript.TagOf(cancel);
            Assert.AreNotEqual(tag.ToString(), own);
            connection.Cancel(tag);
            Assert.AreEqual(0, connection.TransmitCount, "a second cancel sends nothing");

            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!trap", "=category=2", "=message=interrupted", ".tag=" + tag.ToString()),
                WireScript.Sentence("!done", ".tag=" + own),
                WireScript.Sentence("!done", ".tag=" + tag.ToString())), 1024);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ReplyType.Trap, (int)reply.Type);
            Assert.AreEqual(2, reply.Category);
            Assert.AreEqual((int)ReplyType.Done, (int)WireScript.Expect(connection, ConnectionEvent.Reply).Type);
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>Released commands are cancelled and their replies consumed; each cancel goes out at once on its own tag.</summary>
        [TestMethod]
        public static void ReleaseSwallowsAndCancelsEach()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int a = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            int b = connection.Send(connection.NewCommand().Path("/interface/listen"));
            WireScript.Transmitted(connection);
            connection.Release(a);
            connection.Release(b);
            ArrayList cancels = WireScript.Transmitted(connection);
            Assert.AreEqual(2, cancels.Count, "one /cancel per released command; none waits for another");
            string[] first = (string[])cancels[0];
            Assert.AreEqual("/cancel", first[0]);
            Assert.AreEqual("=tag=" + a.ToString(), first[1]);
            Assert.AreEqual("=tag=" + b.ToString(), ((string[])cancels[1])[1]);
            Assert.IsTrue(connection.IsActive(a), "the slot is held until the router's !done");

            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!re", "=message=late", ".tag=" + a.ToString()),
                WireScript.Sentence("!trap", "=category=2", "=message=interrupted", ".tag=" + a.ToString()),
                WireScript.Sentence("!done", ".tag=" + WireScript.TagOf(first)),
                WireScript.Sentence("!done", ".tag=" + a.ToString())), 1024);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll(), "released replies are consumed");
            Assert.IsFalse(connection.IsActive(a));
            Assert.IsTrue(connection.IsActive(b));
        }

        /// <summary>Cancel-all is /cancel without =tag=; every running command then ends.</summary>
        [TestMethod]
        public static void CancelAll()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int a = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            WireScript.Transmitted(connection);
            connection.CancelAll();
            string[] cancel = WireScript.SingleTransmitted(connection);
            Assert.AreEqual(2, cancel.Length);
            Assert.AreEqual("/cancel", cancel[0]);
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!trap", "=category=2", "=message=interrupted", ".tag=" + a.ToString()),
                WireScript.Sentence("!done", ".tag=" + a.ToString()),
                WireScript.Sentence("!done", ".tag=" + WireScript.TagOf(cancel))), 1024);
            WireScript.Expect(connection, ConnectionEvent.Reply);
            WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>Abort ends every command and the connection.</summary>
        [TestMethod]
        public static void AbortEndsEverything()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int a = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            connection.Abort(ErrorCode.KeepaliveTimeout);
            Assert.IsFalse(connection.IsActive(a));
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)connection.Error);
            connection.Abort(ErrorCode.PeerClosed);
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)connection.Error, "the first reason stays");
        }

        private static int IndexOf(int[] values, int value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value) return i;
            }

            return -1;
        }
    }
}
