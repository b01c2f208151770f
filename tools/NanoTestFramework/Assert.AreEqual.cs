using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    /// <content>
    /// AreEqual, one overload per primitive type (the device has no generics).
    /// </content>
    public sealed partial class Assert
    {
        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }
    }
}
