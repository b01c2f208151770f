using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Connection
{
    /// <summary>Both login methods and every way a login fails.</summary>
    [TestClass]
    public class LoginTests
    {
        /// <summary>RouterOS 6.43+: one /login with name and password, answered by !done.</summary>
        [TestMethod]
        public static void PlainLogin()
        {
            ApiConnection connection = new ApiConnection(null);
            Assert.AreEqual((int)ConnectionState.LoginRequired, (int)connection.State);
            connection.Login("admin", "p=ss w\u00f6rd");
            string[] sent = WireScript.SingleTransmitted(connection);
            Assert.AreEqual("/login", sent[0]);
            Assert.AreEqual("=name=admin", sent[1]);
            Assert.AreEqual("=password=p=ss w\u00f6rd", sent[2]);
            Assert.AreEqual((int)ConnectionState.LoggingIn, (int)connection.State);
            WireScript.Feed(connection, WireScript.Sentence("!done", ".tag=" + WireScript.TagOf(sent)), 1);
            Assert.AreEqual((int)ConnectionEvent.LoginSucceeded, (int)connection.Poll());
            Assert.AreEqual((int)ConnectionState.Ready, (int)connection.State);
        }

        /// <summary>Before 6.43: the router answers with a challenge and the core answers it with the MD5 response.</summary>
        [TestMethod]
        public static void LegacyChallengeLogin()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "secret");
            string[] first = WireScript.SingleTransmitted(connection);
            WireScript.Feed(connection, WireScript.Sentence("!done", "=ret=aabbccddeeff00112233445566778899", ".tag=" + WireScript.TagOf(first)), 5);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            string[] second = WireScript.SingleTransmitted(connection);
            Assert.AreEqual(4, second.Length);
            Assert.AreEqual("/login", second[0]);
            Assert.AreEqual("=name=admin", second[1]);
            Assert.AreEqual("=response=00a8bfd49490a32a90532cbac11691aae2", second[2]);
            Assert.AreNotEqual(WireScript.TagOf(first), WireScript.TagOf(second));
            WireScript.Feed(connection, WireScript.Sentence("!done", ".tag=" + WireScript.TagOf(second)), 5);
            Assert.AreEqual((int)ConnectionEvent.LoginSucceeded, (int)connection.Poll());
            Assert.AreEqual((int)ConnectionState.Ready, (int)connection.State);
        }

        /// <summary>A refused login is an event with the router's message; the following !done is consumed.</summary>
        [TestMethod]
        public static void RefusedLogin()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "wrong");
            string tag = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            WireScript.Feed(connection, WireScript.Concat(
                WireScript.Sentence("!trap", "=message=invalid user name or password (6)", ".tag=" + tag),
                WireScript.Sentence("!done", ".tag=" + tag)), 1024);
            Reply reply = WireScript.Expect(connection, ConnectionEvent.LoginFailed);
            Assert.AreEqual("invalid user name or password (6)", reply.GetString("message"));
            Assert.AreEqual((int)ErrorCode.LoginRefused, (int)connection.Error);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll(), "the !done after the trap is consumed");
            Assert.AreEqual((int)ConnectionState.LoginRequired, (int)connection.State);
            Throws.Code(ErrorCode.NotLoggedIn, () => connection.Send(connection.NewCommand().Path("/quit")));
        }

        /// <summary>A challenge that is not 32 hex digits fails the login and closes the connection.</summary>
        [TestMethod]
        [DataRow("=ret=zz")]
        [DataRow("=ret=aabbccddeeff0011223344556677889")]
        [DataRow("=ret=aabbccddeeff00112233445566778899aa")]
        [DataRow("=ret=")]
        public static void InvalidChallenge(string ret)
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "secret");
            string tag = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            WireScript.Feed(connection, WireScript.Sentence("!done", ret, ".tag=" + tag), 1024);
            Assert.AreEqual((int)ConnectionEvent.LoginFailed, (int)connection.Poll());
            Assert.AreEqual((int)ErrorCode.InvalidChallenge, (int)connection.Error);
            Assert.AreEqual((int)ConnectionState.Closed, (int)connection.State);
        }

        /// <summary>A second challenge after the response is a protocol error, not a loop.</summary>
        [TestMethod]
        public static void SecondChallengeIsRefused()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "secret");
            string first = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            WireScript.Feed(connection, WireScript.Sentence("!done", "=ret=aabbccddeeff00112233445566778899", ".tag=" + first), 1024);
            connection.Poll();
            string second = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            WireScript.Feed(connection, WireScript.Sentence("!done", "=ret=aabbccddeeff00112233445566778899", ".tag=" + second), 1024);
            Assert.AreEqual((int)ConnectionEvent.LoginFailed, (int)connection.Poll());
            Assert.AreEqual((int)ErrorCode.InvalidChallenge, (int)connection.Error);
        }

        /// <summary>Login twice, or after close, is refused with a code.</summary>
        [TestMethod]
        public static void LoginStateIsEnforced()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("a", "b");
            Throws.Code(ErrorCode.InvalidState, () => connection.Login("a", "b"));
            connection.Abort(ErrorCode.PeerClosed);
            Throws.Code(ErrorCode.ConnectionClosed, () => connection.Login("a", "b"));
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)connection.Error);
        }
    }
}
