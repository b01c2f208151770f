using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    /// <content>
    /// AreNotEqual, one overload per primitive type (the device has no generics).
    /// </content>
    public sealed partial class Assert
    {
        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }
    }
}
