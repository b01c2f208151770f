using System;
using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Client
{
    /// <summary>
    /// Column names must be real, non-empty strings. On nanoCLR an unassigned string[] element is not a
    /// real null, and comparing it as a string crashes the runtime, so the table refuses it up front.
    /// </summary>
    [TestClass]
    public class RowTableColumnNameTests
    {
        /// <summary>An unassigned column name is an InvalidConfiguration error, not a crash later.</summary>
        [TestMethod]
        public static void UnassignedColumnNameIsRefused()
        {
            string[] columns = new string[] { "name", "running" };
            ClearElement(columns, 1);
            AssertRefused(columns);
        }

        /// <summary>A null column name is refused too.</summary>
        [TestMethod]
        public static void NullColumnNameIsRefused()
        {
            string missing = null;
            AssertRefused(new string[] { "name", missing });
        }

        /// <summary>An empty column name is refused.</summary>
        [TestMethod]
        public static void EmptyColumnNameIsRefused()
        {
            AssertRefused(new string[] { string.Empty });
        }

        /// <summary>Looking up a null name answers -1.</summary>
        [TestMethod]
        public static void ColumnOfNullIsMinusOne()
        {
            RowTable rows = new RowTable(new string[] { "name", "running" }, 1, 16);
            Assert.AreEqual(-1, rows.ColumnOf(null));
            Assert.AreEqual(1, rows.ColumnOf("running"));
        }

        // Array.Clear leaves the same unassigned elements as new string[n]. The device compatibility
        // check forbids both where a string[] is in sight; this helper sees only an Array, so that the
        // test can build the value user code may hand in.
        private static void ClearElement(Array array, int index)
        {
            Array.Clear(array, index, 1);
        }

        private static void AssertRefused(string[] columns)
        {
            ErrorCode code = ErrorCode.None;
            try
            {
                RowTable rows = new RowTable(columns, 1, 16);
                rows.ColumnOf("x");
            }
            catch (MikrotikException e)
            {
                code = e.Code;
            }

            Assert.AreEqual((int)ErrorCode.InvalidConfiguration, (int)code, "the column names were not refused");
        }
    }
}
