using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Wire
{
    /// <summary>Issue 10 defect 1: a reply's tag is read wherever it stands, even when the sentence nearly fills the buffer.</summary>
    [TestClass]
    public class TrailingTagTests
    {
        /// <summary>The review's repro: a 64-byte buffer, 61 bytes whose .tag=2 has no room left in place.</summary>
        [TestMethod]
        public static void TagAfterANearlyFullSentenceIsRouted()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.ReceiveBufferSize = 64;
            ApiConnection connection = WireScript.LoggedIn(options);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            Assert.AreEqual(2, tag);
            string xs = "";
            for (int i = 0; i < 43; i++) xs += "78";
            byte[] input = Hex.Parse("05 21646F6E65 2E 3D613D" + xs + "06 2E7461673D32 00");
            Assert.AreEqual(61, input.Length);
            WireScript.Feed(connection, input, 1024);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.Reply);
            Assert.AreEqual(tag, reply.Tag);
            Assert.AreEqual((int)ReplyType.Done, (int)reply.Type);
            Assert.AreEqual(0, reply.DroppedWordCount);
            Assert.AreEqual(43, reply.GetValueLength(reply.FindAttribute("a")));
            Assert.AreEqual(0, connection.ActiveCommandCount, "the !done completed its command");
        }

        /// <summary>Default options: !done =ret= of 4075 bytes, then .tag: routed, the value intact.</summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(1460)]
        public static void TagAfterALongRetIsRouted(int chunk)
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/ip/address/add"));
            char[] value = new char[4075];
            for (int i = 0; i < value.Length; i++) value[i] = (char)('a' + i % 26);
            byte[] input = WireScript.Sentence("!done", "=ret=" + new string(value), ".tag=" + tag.ToString());
            int at = 0;
            ConnectionEvent e = ConnectionEvent.None;
            while (e == ConnectionEvent.None && at < input.Length)
            {
                at += WireScript.FeedChunk(connection, input, at, chunk);
                e = connection.Poll();
            }

            Assert.AreEqual((int)ConnectionEvent.Reply, (int)e);
            Reply reply = connection.Reply;
            Assert.AreEqual(tag, reply.Tag);
            Assert.IsFalse(reply.IsTruncated);
            Assert.AreEqual(4075, reply.GetValueLength(reply.FindAttribute("ret")));
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>A short word that is not a tag and has no room is dropped and counted; the tag after it is still read.</summary>
        [TestMethod]
        public static void ShortWordWithoutRoomIsDroppedNotTheTag()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.ReceiveBufferSize = 64;
            ApiConnection connection = WireScript.LoggedIn(options);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            string filler = "=a=";
            for (int i = 0; i < 50; i++) filler += "x";
            byte[] input = WireScript.Sentence("!re", filler, "=b=1", ".tag=" + tag.ToString());
            int at = 0;
            ConnectionEvent e = ConnectionEvent.None;
            while (e == ConnectionEvent.None && at < input.Length)
            {
                at += WireScript.FeedChunk(connection, input, at, 1024);
                e = connection.Poll();
            }

            Assert.AreEqual((int)ConnectionEvent.Reply, (int)e);
            Reply reply = connection.Reply;
            Assert.AreEqual(tag, reply.Tag);
            Assert.AreEqual(1, reply.DroppedWordCount);
            Assert.IsFalse(reply.HasAttribute("b"));
        }
    }
}
