using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Login
{
    /// <summary>Issue 15 item 8: no password residue in the transmit buffer once the login has been sent.</summary>
    [TestClass]
    public class CredentialScrubTests
    {
        private static bool Contains(byte[] haystack, string needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }

            return false;
        }

        /// <summary>The plain login's password bytes are zeroed as soon as the transport has taken them.</summary>
        [TestMethod]
        public static void PlainLoginBytesAreZeroedOnceSent()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "Sup3rSecret");
            Assert.IsTrue(Contains(connection.TransmitBuffer, "Sup3rSecret"), "queued until sent");
            connection.CommitTransmitted(10);
            Assert.IsTrue(Contains(connection.TransmitBuffer, "Sup3rSecret"), "not all sent yet");
            connection.CommitTransmitted(connection.TransmitCount);
            Assert.IsFalse(Contains(connection.TransmitBuffer, "Sup3rSecret"), "zeroed once sent");
            Assert.IsFalse(Contains(connection.TransmitBuffer, "admin"), "the whole login is zeroed");
        }

        /// <summary>The legacy login: the MD5 answer is zeroed once sent too, and the password never lingers.</summary>
        [TestMethod]
        public static void LegacyResponseBytesAreZeroedOnceSent()
        {
            ApiConnection connection = new ApiConnection(null);
            connection.Login("admin", "Sup3rSecret");
            string first = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            WireScript.Feed(connection, WireScript.Sentence("!done", "=ret=aabbccddeeff00112233445566778899", ".tag=" + first), 1024);
            Assert.AreEqual((int)ConnectionEvent.None, (int)connection.Poll());
            Assert.IsTrue(Contains(connection.TransmitBuffer, "=response=00"));
            string second = WireScript.TagOf(WireScript.SingleTransmitted(connection));
            Assert.IsFalse(Contains(connection.TransmitBuffer, "=response="), "the MD5 answer is zeroed once sent");
            Assert.IsFalse(Contains(connection.TransmitBuffer, "Sup3rSecret"));
            WireScript.Feed(connection, WireScript.Sentence("!done", ".tag=" + second), 1024);
            Assert.AreEqual((int)ConnectionEvent.LoginSucceeded, (int)connection.Poll());
        }
    }
}
