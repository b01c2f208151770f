using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Launcher
{
    /// <summary>
    /// The launcher rules the test sources rely on, checked where they run (device launcher or host runner):
    /// [Setup] runs once before the tests of its class, each [DataRow] is one invocation with its values
    /// (and the method is not also run without arguments).
    /// </summary>
    [TestClass]
    public class LauncherRulesTests
    {
        private static int _setupRuns;

        /// <summary>Counts its runs; the tests below see the count.</summary>
        [Setup]
        public static void CountSetup()
        {
            _setupRuns++;
        }

        /// <summary>Setup ran before the first test, exactly once.</summary>
        [TestMethod]
        public static void SetupRanOnceBeforeTests()
        {
            Assert.AreEqual(1, _setupRuns, "[Setup] must run once per class, before its tests");
        }

        /// <summary>A second test still sees one setup run: setup is per class, not per test.</summary>
        [TestMethod]
        public static void SetupDoesNotRunPerTest()
        {
            Assert.AreEqual(1, _setupRuns, "[Setup] ran again before a later test");
        }

        /// <summary>Each row arrives with its own values and types; a plain run (no arguments) would fail.</summary>
        /// <param name="left">First addend.</param>
        /// <param name="right">Second addend.</param>
        /// <param name="sum">Their sum.</param>
        /// <param name="sumText">The sum as text, to check string values arrive with their row.</param>
        [TestMethod]
        [DataRow(1, 2, 3, "3")]
        [DataRow(-5, 5, 0, "0")]
        [DataRow(int.MaxValue, 0, int.MaxValue, "2147483647")]
        public static void DataRowValuesArrive(int left, int right, int sum, string sumText)
        {
            Assert.AreEqual(sum, left + right);
            Assert.AreEqual(sumText, sum.ToString());
        }
    }
}
