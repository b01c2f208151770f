using System.Collections;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Wire
{
    /// <summary>
    /// Decoding the stream in place: any split of the bytes, oversize words and sentences,
    /// bad control bytes, and backpressure — all through the connection's public API.
    /// </summary>
    [TestClass]
    public class SentenceDecoderTests
    {
        /// <summary>The same replies decode identically whatever the read size, one byte at a time included.</summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(7)]
        [DataRow(64)]
        [DataRow(4096)]
        public static void AnySplitDecodesTheSame(int chunk)
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            string t = ".tag=" + tag.ToString();
            string longComment = "=comment=" + new string('x', 300);
            byte[] stream = WireScript.Concat(
                WireScript.Sentence("!re", "=name=ether1", longComment, t),
                new byte[] { 0 },
                WireScript.Sentence("!re", "=name=ether2", t),
                WireScript.Sentence("!done", t));

            ArrayList events = new ArrayList();
            int at = 0;
            int rows = 0;
            while (true)
            {
                ConnectionEvent e;
                while ((e = connection.Poll()) != ConnectionEvent.None)
                {
                    Assert.AreEqual((int)ConnectionEvent.Reply, (int)e);
                    Reply reply = connection.Reply;
                    events.Add((int)reply.Type);
                    if (reply.Type == ReplyType.Data)
                    {
                        rows++;
                        Assert.IsTrue(reply.AttributeEquals("name", rows == 1 ? "ether1" : "ether2"));
                        if (rows == 1)
                        {
                            Assert.AreEqual(300, reply.GetValueLength(reply.FindAttribute("comment")));
                        }
                    }
                }

                if (at == stream.Length)
                {
                    break;
                }

                at += WireScript.FeedChunk(connection, stream, at, chunk);
            }

            Assert.AreEqual(3, events.Count, "the empty sentence is ignored");
            Assert.AreEqual((int)ReplyType.Done, (int)events[2]);
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>A word larger than the receive buffer is skipped as it streams past; the reply is flagged and the next one is intact.</summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(100)]
        [DataRow(1000)]
        public static void OversizeWordIsSkipped(int chunk)
        {
            ConnectionOptions options = new ConnectionOptions();
            options.ReceiveBufferSize = 256;
            ApiConnection connection = WireScript.LoggedIn(options);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            string t = ".tag=" + tag.ToString();
            byte[] stream = WireScript.Concat(
                WireScript.Sentence("!re", "=name=big", "=comment=" + new string('y', 5000), "=mtu=1500", t),
                WireScript.Sentence("!re", "=name=small", t),
                WireScript.Sentence("!done", t));

            ArrayList events = WireScript.FeedAndPoll(connection, stream, chunk);
            Assert.AreEqual(3, events.Count);
            // The view is only valid for the last event; check flags by replaying with polling in between.
            connection = WireScript.LoggedIn(options);
            tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            t = ".tag=" + tag.ToString();
            stream = WireScript.Concat(
                WireScript.Sentence("!re", "=name=big", "=comment=" + new string('y', 5000), "=mtu=1500", t),
                WireScript.Sentence("!re", "=name=small", t));
            int at = 0;
            bool sawBig = false;
            bool sawSmall = false;
            while (at < stream.Length || !sawSmall)
            {
                ConnectionEvent e = connection.Poll();
                if (e == ConnectionEvent.Reply)
                {
                    Reply reply = connection.Reply;
                    Assert.AreEqual(tag, reply.Tag, "the tag after the skipped word still routes the reply");
                    if (reply.AttributeEquals("name", "big"))
                    {
                        sawBig = true;
                        Assert.IsTrue(reply.IsTruncated);
                        Assert.AreEqual(1, reply.DroppedWordCount);
                        Assert.IsFalse(reply.HasAttribute("comment"));
                        Assert.IsTrue(reply.AttributeEquals("mtu", "1500"));
                    }
                    else
                    {
                        sawSmall = true;
                        Assert.IsTrue(reply.AttributeEquals("name", "small"));
                        Assert.IsFalse(reply.IsTruncated);
                    }

                    continue;
                }

                Assert.IsTrue(at < stream.Length, "stream ended before both replies");
                at += WireScript.FeedChunk(connection, stream, at, chunk);
            }

            Assert.IsTrue(sawBig && sawSmall);
        }

        /// <summary>More words than the table holds: the excess is dropped, the reply flagged, and a trailing tag still routes it.</summary>
        [TestMethod]
        public static void TooManyWordsAreDropped()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.MaxWordsPerSentence = 4;
            ApiConnection connection = WireScript.LoggedIn(options);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            WireScript.Feed(connection, WireScript.Sentence("!re", "=a=1", "=b=2", "=c=3", "=d=4", "=e=5", ".tag=" + tag.ToString()), 3);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual(tag, reply.Tag);
            Assert.AreEqual(4, reply.WordCount);
            Assert.AreEqual(2, reply.DroppedWordCount);
            Assert.IsTrue(reply.AttributeEquals("c", "3"));
            Assert.IsFalse(reply.HasAttribute("d"));
        }

        /// <summary>A reserved control byte or a disputed prefix kills the connection with its own code.</summary>
        [TestMethod]
        [DataRow(0xF8, (int)ErrorCode.ReservedControlByte)]
        [DataRow(0xFF, (int)ErrorCode.ReservedControlByte)]
        [DataRow(0xF1, (int)ErrorCode.UnsupportedLengthPrefix)]
        [DataRow(0xF7, (int)ErrorCode.UnsupportedLengthPrefix)]
        public static void BadFirstByteClosesTheConnection(int first, int code)
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            WireScript.Feed(connection, WireScript.Concat(WireScript.Word("!re"), new byte[] { (byte)first, 1, 2, 3, 4, 5 }), 1024);
            Assert.AreEqual((int)ConnectionEvent.Closed, (int)connection.Poll());
            Assert.AreEqual(code, (int)connection.Error);
            Assert.IsFalse(connection.IsActive(tag));
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            int offset;
            Assert.AreEqual(0, connection.PrepareReceive(out offset), "a closed connection takes no bytes");
        }

        /// <summary>Unpolled replies fill the buffer; the connection then takes no more bytes until polled (backpressure, no loss).</summary>
        [TestMethod]
        public static void FullBufferPushesBack()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.ReceiveBufferSize = 128;
            ApiConnection connection = WireScript.LoggedIn(options);
            int tag = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
            byte[] row = WireScript.Sentence("!re", "=message=0123456789", ".tag=" + tag.ToString());
            byte[] many = WireScript.Concat(row, row, row, row, row, row, row, row, row, row);
            int accepted = WireScript.Feed(connection, many, 1024);
            Assert.IsTrue(accepted < many.Length, "the buffer must fill");
            int offset;
            Assert.AreEqual(0, connection.PrepareReceive(out offset));

            int rows = 0;
            int at = accepted;
            while (rows < 10)
            {
                ConnectionEvent e = connection.Poll();
                if (e == ConnectionEvent.Reply)
                {
                    rows++;
                    Assert.IsTrue(connection.Reply.AttributeEquals("message", "0123456789"));
                    continue;
                }

                at += WireScript.Feed(connection, Tail(many, at), 1024);
            }

            Assert.AreEqual(many.Length, at);
        }

        /// <summary>
        /// A Poll between PrepareReceive and CommitReceived may discard the delivered sentence and
        /// rewind the buffer; the bytes then committed are still decoded in order, not the stale ones.
        /// </summary>
        [TestMethod]
        public static void PollBetweenPrepareAndCommitIsSafe()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            string t = ".tag=" + tag.ToString();
            WireScript.Feed(connection, WireScript.Sentence("!re", "=n=1", t), 1024);
            byte[] second = WireScript.Sentence("!re", "=n=2", t);

            int offset;
            Assert.IsTrue(connection.PrepareReceive(out offset) >= second.Length);
            Assert.AreEqual((int)ConnectionEvent.Reply, (int)connection.Poll());
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            System.Array.Copy(second, 0, connection.ReceiveBuffer, offset, second.Length);
            connection.CommitReceived(second.Length);

            int n;
            Assert.IsTrue(WireScript.Expect(connection, ConnectionEvent.Reply).TryGetInt32("n", out n));
            Assert.AreEqual(2, n);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
        }

        private static byte[] Tail(byte[] data, int from)
        {
            byte[] tail = new byte[data.Length - from];
            System.Array.Copy(data, from, tail, 0, tail.Length);
            return tail;
        }
    }
}
