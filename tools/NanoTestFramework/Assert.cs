using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions for tests, with the overload set of nanoFramework.TestFramework 3.x. A failed assertion
    /// throws <see cref="AssertFailedException"/>. The value overloads are per primitive type because the
    /// device has no generics: cast both sides to the same type, or a widening or object overload binds.
    /// </summary>
    public static class Assert
    {
        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(bool notExpected, bool actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(byte notExpected, byte actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(char expected, char actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(char notExpected, char actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(DateTime expected, DateTime actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(double expected, double actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(double notExpected, double actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(float expected, float actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(float notExpected, float actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(long notExpected, long actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(object expected, object actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(object notExpected, object actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(sbyte expected, sbyte actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(short expected, short actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(short notExpected, short actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(string notExpected, string actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(uint notExpected, uint actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(ulong expected, ulong actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="expected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(ushort expected, ushort actual, string message = "")
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="notExpected"/> equals <paramref name="actual"/>.
        /// </summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "")
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are:<" + Show(actual) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless both references point to the same object.
        /// </summary>
        /// <param name="expected">The object the test expects.</param>
        /// <param name="actual">The object the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreSame(object expected, object actual, string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", "The references differ.", message);
            }
        }

        /// <summary>
        /// Fails if both references point to the same object.
        /// </summary>
        /// <param name="notExpected">The object the test expects not to see.</param>
        /// <param name="actual">The object the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotSame(object notExpected, object actual, string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", "Both references point to the same object.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="condition"/> is true.
        /// </summary>
        /// <param name="condition">The condition the test expects to hold.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", "The condition is false.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="condition"/> is false.
        /// </summary>
        /// <param name="condition">The condition the test expects not to hold.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", "The condition is true.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> is null.
        /// </summary>
        /// <param name="value">The reference the test expects to be null.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", "Actual:<" + Show(value) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="value"/> is null.
        /// </summary>
        /// <param name="value">The reference the test expects to be set.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", "The value is null.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> is exactly of type <paramref name="expected"/>. Like the
        /// 3.x TestFramework, a derived type does not count.
        /// </summary>
        /// <param name="value">The object to inspect.</param>
        /// <param name="expected">The exact type the test expects.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsInstanceOfType(object value, Type expected, string message = "")
        {
            if (value == null || value.GetType() != expected)
            {
                Fail("Assert.IsInstanceOfType", "Expected type:<" + Show(expected) + ">. Actual type:<" + (value == null ? "(null)" : Show(value.GetType())) + ">.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="value"/> is exactly of type <paramref name="notExpected"/>.
        /// </summary>
        /// <param name="value">The object to inspect.</param>
        /// <param name="notExpected">The type the test expects the object not to have.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsNotInstanceOfType(object value, Type notExpected, string message = "")
        {
            if (value != null && value.GetType() == notExpected)
            {
                Fail("Assert.IsNotInstanceOfType", "Wrong type:<" + Show(notExpected) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="other"/> contains <paramref name="expected"/>.
        /// </summary>
        /// <param name="expected">The text expected inside <paramref name="other"/>.</param>
        /// <param name="other">The text to search.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void Contains(string expected, string other, string message = "")
        {
            if (expected == null || other == null || other.IndexOf(expected) < 0)
            {
                Fail("Assert.Contains", Show(other) + " does not contain " + Show(expected) + ".", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="other"/> contains <paramref name="expected"/>.
        /// </summary>
        /// <param name="expected">The text expected not to be inside <paramref name="other"/>.</param>
        /// <param name="other">The text to search.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void DoesNotContains(string expected, string other, string message = "")
        {
            if (expected == null || other == null || other.IndexOf(expected) >= 0)
            {
                Fail("Assert.DoesNotContains", Show(other) + " contains " + Show(expected) + ".", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="other"/> starts with <paramref name="expected"/>.
        /// </summary>
        /// <param name="expected">The expected beginning.</param>
        /// <param name="other">The text to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void StartsWith(string expected, string other, string message = "")
        {
            if (expected == null || other == null || !other.StartsWith(expected))
            {
                Fail("Assert.StartsWith", Show(other) + " does not start with " + Show(expected) + ".", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="other"/> ends with <paramref name="expected"/>.
        /// </summary>
        /// <param name="expected">The expected ending.</param>
        /// <param name="other">The text to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void EndsWith(string expected, string other, string message = "")
        {
            if (expected == null || other == null || !other.EndsWith(expected))
            {
                Fail("Assert.EndsWith", Show(other) + " does not end with " + Show(expected) + ".", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws an exception of exactly <paramref name="exceptionType"/>
        /// (a derived type fails, as on the device).
        /// </summary>
        /// <param name="exceptionType">The exact exception type expected.</param>
        /// <param name="action">The code expected to throw.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            if (action == null)
            {
                throw new ArgumentNullException("action");
            }

            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exceptionType)
                {
                    return;
                }

                Fail("Assert.ThrowsException", "Threw " + Show(ex.GetType()) + " (" + ex.Message + ") but " + Show(exceptionType) + " was expected.", message);
            }

            Fail("Assert.ThrowsException", "No exception thrown. " + Show(exceptionType) + " was expected.", message);
        }

        /// <summary>
        /// Stops the test and reports it as skipped.
        /// </summary>
        /// <param name="message">Why the test is skipped.</param>
        public static void SkipTest(string message = "")
        {
            throw new SkipTestException(message);
        }

        /// <summary>
        /// Throws the failure of an assertion; shared with <see cref="CollectionAssert"/>.
        /// </summary>
        internal static void Fail(string assertion, string reason, string message)
        {
            string text = assertion + " failed. " + reason;
            if (message != null && message.Length > 0)
            {
                text += " " + message;
            }

            throw new AssertFailedException(text);
        }

        /// <summary>
        /// Renders a value for a failure report.
        /// </summary>
        internal static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }
    }
}
