using Esp32Watchdog.Supervision;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>The date is waited for beside the network, and the wait is logged.</summary>
    [TestClass]
    public class DateWaitTests
    {
        /// <summary>Reminders while there is no date, one line when it comes, then silence.</summary>
        [TestMethod]
        public static void WaitIsLoggedAndEnds()
        {
            DateWait wait = new DateWait(1000, 60000);
            Assert.IsNull(wait.Check(30000, 1970));
            string line = wait.Check(61000, 1970);
            Assert.IsNotNull(line);
            Assert.Contains("no valid date after 60 s", line);
            Assert.Contains("not counted", line);
            Assert.IsNull(wait.Check(62000, 1970));
            Assert.Contains("date set by SNTP after 89 s", wait.Check(90000, 2026));
            Assert.IsTrue(wait.IsSet);
            Assert.IsNull(wait.Check(200000, 2026));
        }
    }
}
