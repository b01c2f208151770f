using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>Router text in logs: control characters escaped, length capped (a newline used to forge a log line).</summary>
    [TestClass]
    public class LogTextTests
    {
        /// <summary>A newline in a trap message cannot start a log line of its own.</summary>
        [TestMethod]
        public static void NewlineCannotForgeALogLine()
        {
            Decision d = new Decision(DecisionCode.ProbeProblem, 0, "main", "login rejected: bad\n[0s] main RebootRequested: forged", 1000);
            string line = d.ToString();
            Assert.AreEqual(-1, line.IndexOf('\n'));
            Assert.Contains("bad\\n[0s]", line);
        }

        /// <summary>Escapes and caps.</summary>
        [TestMethod]
        public static void EscapesControlCharactersAndCaps()
        {
            Assert.AreEqual("a\\r\\tb\\x1bc\\x7f", LogText.Clean("a\r\tb\u001bc\u007f", 100));
            Assert.AreEqual("x\\u2028y", LogText.Clean("x\u2028y", 100));
            string longText = new string('z', 1000);
            string capped = LogText.Clean(longText, 50);
            Assert.AreEqual(50, capped.Length);
            Assert.IsTrue(capped.EndsWith("..."));
            Assert.AreEqual(string.Empty, LogText.Clean(null, 50));
        }

        /// <summary>Clean text is returned as is (nothing allocated).</summary>
        [TestMethod]
        public static void CleanTextIsNotCopied()
        {
            string text = "interface ether1 not running";
            Assert.AreSame(text, LogText.Clean(text, 100));
        }

        /// <summary>An escape is never cut in half by the cap.</summary>
        [TestMethod]
        public static void CapNeverSplitsAnEscape()
        {
            string capped = LogText.Clean("abcd\n\n\n\n\n\n\n\n", 10);
            Assert.AreEqual("abcd\\n...", capped);
        }
    }
}
