using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Connection
{
    /// <summary>Time and end of stream are inputs of the core: deadlines, keepalive and EOF, in virtual time.</summary>
    [TestClass]
    public class TimerTests
    {
        /// <summary>A command's deadline passes: a Timeout event names it, a /cancel goes out, and its late replies are consumed.</summary>
        [TestMethod]
        public static void CommandDeadlineFiresAsAnEvent()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            connection.HandleTimeout(0);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"), 5000);
            WireScript.Transmitted(connection);
            Assert.AreEqual(5000L, connection.PollTimeout(), "the deadline is the next timer");
            connection.HandleTimeout(4999);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            connection.HandleTimeout(5000);
            Assert.AreEqual((int)ConnectionEvent.Timeout, (int)connection.Poll());
            Assert.AreEqual(tag, connection.EventTag);
            Assert.AreEqual(0, connection.EventSlot);
            string[] cancel = WireScript.SingleTransmitted(connection);
            Assert.AreEqual("=tag=" + tag.ToString(), cancel[1]);
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!re", "=name=late", ".tag=" + tag.ToString()),
                WireScript.Sentence("!done", ".tag=" + tag.ToString())), 1024);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll(), "replies after the timeout are consumed");
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>An unanswered login fails with Timeout at its deadline.</summary>
        [TestMethod]
        public static void LoginDeadline()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "secret", 2000);
            Assert.AreEqual(2000L, connection.PollTimeout());
            connection.HandleTimeout(1999);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            connection.HandleTimeout(2000);
            Assert.AreEqual((int)ConnectionEvent.LoginFailed, (int)connection.Poll());
            Assert.AreEqual((int)ErrorCode.Timeout, (int)connection.Error);
            Assert.AreEqual((int)ConnectionState.Closed, (int)connection.State);
        }

        /// <summary>Issue 10 defect 7: a login answered without a tag completes at once, not at its timeout.</summary>
        [TestMethod]
        public static void UntaggedLoginReplyCompletesTheLogin()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "secret", 2000);
            WireScript.Transmitted(connection);
            WireScript.Feed(connection, WireScript.Sentence("!done"), 1024);
            Assert.AreEqual((int)ConnectionEvent.LoginSucceeded, (int)connection.Poll());
            Assert.AreEqual((int)ConnectionState.Ready, (int)connection.State);
        }

        /// <summary>
        /// Issue 10 defect 3 (core): with every slot busy the keepalive still goes out on the
        /// connection's own tag, and a silent peer is declared dead (half-open TCP).
        /// </summary>
        [TestMethod]
        public static void KeepaliveNeedsNoFreeSlot()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TagSlots = 2;
            options.KeepaliveIdleMilliseconds = 2000;
            options.KeepaliveTimeoutMilliseconds = 2000;
            ApiConnection connection = WireScript.LoggedIn(options);
            connection.HandleTimeout(0);
            connection.Send(connection.NewCommand().Path("/interface/listen"));
            connection.Send(connection.NewCommand().Path("/log/print").Flag("follow-only"));
            WireScript.Transmitted(connection);
            Assert.AreEqual(2000L, connection.PollTimeout());
            connection.HandleTimeout(2000);
            string[] probe = WireScript.SingleTransmitted(connection);
            Assert.AreEqual("/system/identity/print", probe[0]);
            Assert.AreEqual(4000L, connection.PollTimeout());
            connection.HandleTimeout(3999);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            connection.HandleTimeout(4000);
            Assert.AreEqual((int)ConnectionEvent.Closed, (int)connection.Poll());
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)connection.Error);
            Assert.AreEqual(0, connection.ActiveCommandCount);
        }

        /// <summary>Any byte received after the probe proves the link alive; the probe's own reply is consumed.</summary>
        [TestMethod]
        public static void KeepaliveAnswerKeepsTheConnection()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.KeepaliveIdleMilliseconds = 2000;
            options.KeepaliveTimeoutMilliseconds = 2000;
            ApiConnection connection = WireScript.LoggedIn(options);
            connection.HandleTimeout(0);
            connection.HandleTimeout(2000);
            string tag = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!re", "=name=MikroTik", ".tag=" + tag),
                WireScript.Sentence("!done", ".tag=" + tag)), 1024);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll(), "the probe's replies are the connection's own");
            connection.HandleTimeout(3000);
            connection.HandleTimeout(4500);
            Assert.AreEqual((int)ConnectionState.Ready, (int)connection.State);
            Assert.AreEqual(0, connection.TransmitCount, "no probe while the link was heard from recently");
            connection.HandleTimeout(5000);
            Assert.AreEqual(1, WireScript.Transmitted(connection).Count, "a new probe after a new idle period");
        }

        /// <summary>End of stream between sentences: what arrived whole is delivered, then Closed with PeerClosed.</summary>
        [TestMethod]
        public static void EndOfStreamBetweenSentences()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/system/reboot"));
            WireScript.Feed(connection, WireScript.Sentence("!done", ".tag=" + tag.ToString()), 1024);
            connection.CommitReceived(0);
            Assert.AreEqual((int)ConnectionEvent.Reply, (int)connection.Poll(), "the reply before the end is delivered");
            Assert.AreEqual((int)ReplyType.Done, (int)connection.Reply.Type);
            Assert.AreEqual((int)ConnectionEvent.Closed, (int)connection.Poll());
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)connection.Error);
            Assert.IsFalse(connection.ClosedMidSentence, "a clean close between sentences");
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
        }

        /// <summary>End of stream mid-sentence: the partial sentence is never delivered.</summary>
        [TestMethod]
        public static void EndOfStreamMidSentence()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int tag = connection.Send(connection.NewCommand().Path("/interface/print"));
            byte[] row = WireScript.Sentence("!re", "=name=ether1", ".tag=" + tag.ToString());
            WireScript.FeedChunk(connection, row, 0, row.Length - 3);
            connection.CommitReceived(0);
            Assert.AreEqual((int)ConnectionEvent.Closed, (int)connection.Poll());
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)connection.Error);
            Assert.IsTrue(connection.ClosedMidSentence, "a reply was cut off: the caller can tell");
            Assert.IsFalse(connection.IsActive(tag));
            connection.Reset();
            Assert.IsFalse(connection.ClosedMidSentence, "a new transport starts clean");
        }
    }
}
