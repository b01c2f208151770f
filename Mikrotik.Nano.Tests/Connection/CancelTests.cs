using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Connection
{
    /// <summary>The connection's own /cancel never blocks later cancels.</summary>
    [TestClass]
    public class CancelTests
    {
        /// <summary>
        /// Issue 10 defect 5: the router answers the connection's /cancel untagged; later Cancel,
        /// Release and timeout cancels are still sent.
        /// </summary>
        [TestMethod]
        public static void UntaggedCancelAnswerBlocksNothing()
        {
            ApiConnection connection = WireScript.LoggedIn(null);
            int t = connection.Send(connection.NewCommand().Path("/interface/listen"));
            WireScript.Transmitted(connection);
            connection.Cancel(t);
            WireScript.Transmitted(connection);
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!trap", ".tag=" + t.ToString()),
                WireScript.Sentence("!done"),
                WireScript.Sentence("!done", ".tag=" + t.ToString())), 1024);
            while (connection.Poll() != ConnectionEvent.None)
            {
            }

            int t2 = connection.Send(connection.NewCommand().Path("/interface/listen"));
            WireScript.Transmitted(connection);
            connection.Cancel(t2);
            Assert.IsTrue(connection.TransmitCount > 0, "the second cancel is sent");
            string[] cancel = WireScript.SingleTransmitted(connection);
            Assert.AreEqual("=tag=" + t2.ToString(), cancel[1]);

            int t3 = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"), 100);
            WireScript.Transmitted(connection);
            connection.Release(t2);
            connection.HandleTimeout(100);
            Assert.AreEqual((int)ConnectionEvent.Timeout, (int)connection.Poll());
            Assert.AreEqual(t3, connection.EventTag);
            Assert.AreEqual(1, WireScript.Transmitted(connection).Count, "the timeout's cancel is sent (the released one was already cancelled)");
        }

        /// <summary>A cancel that finds the transmit buffer full goes out once the transport has drained it.</summary>
        [TestMethod]
        public static void OwedCancelWaitsForRoom()
        {
            ConnectionOptions options = new ConnectionOptions();
            options.TransmitBufferSize = 64;
            ApiConnection connection = WireScript.LoggedIn(options);
            int t = connection.Send(connection.NewCommand().Path("/interface/listen"));
            connection.Send(connection.NewCommand().Path("/log/print").Flag("follow-only"));
            int pending = connection.TransmitCount;
            connection.Cancel(t);
            Assert.AreEqual(pending, connection.TransmitCount, "no room yet");
            connection.CommitTransmitted(pending);
            string[] cancel = WireScript.SingleTransmitted(connection);
            Assert.AreEqual("/cancel", cancel[0]);
            Assert.AreEqual("=tag=" + t.ToString(), cancel[1]);
        }
    }
}
