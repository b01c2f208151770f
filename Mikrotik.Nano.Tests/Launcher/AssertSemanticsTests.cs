using System;
using nanoFramework.TestFramework;
using TestFrameworkShared;

namespace Mikrotik.Nano.Tests.Launcher
{
    /// <summary>
    /// The assertion semantics the protocol tests rely on, as nanoFramework.TestFramework 3.x defines them.
    /// On the host these also keep the stand-in framework honest.
    /// </summary>
    [TestClass]
    public class AssertSemanticsTests
    {
        /// <summary>ThrowsException accepts exactly the named type and rejects a derived one.</summary>
        [TestMethod]
        public static void ThrowsExceptionMatchesTheExactType()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException("bad"));

            bool rejected = false;
            try
            {
                Assert.ThrowsException(typeof(Exception), () => throw new ArgumentException("derived"));
            }
            catch (AssertFailedException)
            {
                rejected = true;
            }

            Assert.IsTrue(rejected, "a derived exception type must not satisfy ThrowsException");
        }

        /// <summary>ThrowsException fails when nothing is thrown.</summary>
        [TestMethod]
        public static void ThrowsExceptionFailsWithoutAnException()
        {
            bool rejected = false;
            try
            {
                Assert.ThrowsException(typeof(Exception), () => { });
            }
            catch (AssertFailedException)
            {
                rejected = true;
            }

            Assert.IsTrue(rejected);
        }

        /// <summary>Byte arrays compare element by element, and a difference is reported.</summary>
        [TestMethod]
        public static void CollectionAssertComparesByteArrays()
        {
            CollectionAssert.AreEqual(new byte[] { 0x80, 0x81 }, new byte[] { 0x80, 0x81 });
            CollectionAssert.AreNotEqual(new byte[] { 0x80, 0x81 }, new byte[] { 0x80, 0x82 });
            CollectionAssert.AreNotEqual(new byte[] { 0x80 }, new byte[] { 0x80, 0x00 });
            CollectionAssert.Empty(new byte[0]);

            bool rejected = false;
            try
            {
                CollectionAssert.AreEqual(new byte[] { 1, 2 }, new byte[] { 1, 3 });
            }
            catch (AssertFailedException ex)
            {
                rejected = ex.Message.IndexOf("index 1") >= 0;
            }

            Assert.IsTrue(rejected, "the failure must name the first differing index");
        }

        /// <summary>A failed AreEqual throws AssertFailedException carrying both values and the message.</summary>
        [TestMethod]
        public static void AreEqualReportsBothValues()
        {
            string text = null;
            try
            {
                Assert.AreEqual(130, 300, "prefix length");
            }
            catch (AssertFailedException ex)
            {
                text = ex.Message;
            }

            Assert.IsNotNull(text);
            Assert.Contains("130", text);
            Assert.Contains("300", text);
            Assert.EndsWith("prefix length", text);
        }

        /// <summary>SkipTest reports the test as skipped; the launcher must not count it as a failure.</summary>
        [TestMethod]
        public static void SkipTestThrowsSkipTestException()
        {
            bool skipped = false;
            try
            {
                Assert.SkipTest("checking the mechanism");
            }
            catch (SkipTestException)
            {
                skipped = true;
            }

            Assert.IsTrue(skipped);
        }
    }
}
