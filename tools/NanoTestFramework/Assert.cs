using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions for tests, with the overload set of nanoFramework.TestFramework 3.x. A failed assertion
    /// throws <see cref="AssertFailedException"/>. The value overloads are per primitive type because the
    /// device has no generics: cast both sides to the same type, or a widening or object overload binds.
    /// </summary>
    public sealed partial class Assert
    {
        /// <summary>
        /// Fails unless both references point to the same object.
        /// </summary>
        /// <param name="expected">The object the test expects.</param>
        /// <param name="actual">The object the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", string.Empty, message);
            }
        }

        /// <summary>
        /// Fails if both references point to the same object.
        /// </summary>
        /// <param name="notExpected">The object the test expects not to see.</param>
        /// <param name="actual">The object the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", string.Empty, message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="condition"/> is true.
        /// </summary>
        /// <param name="condition">The condition the test expects to hold.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", string.Empty, message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="condition"/> is false.
        /// </summary>
        /// <param name="condition">The condition the test expects not to hold.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", string.Empty, message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> is null.
        /// </summary>
        /// <param name="value">The reference the test expects to be null.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", string.Empty, message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="value"/> is null.
        /// </summary>
        /// <param name="value">The reference the test expects to be set.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", string.Empty, message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> is exactly of type <paramref name="expected"/>. Like the
        /// 3.x TestFramework, a derived type does not count.
        /// </summary>
        /// <param name="value">The object to inspect.</param>
        /// <param name="expected">The exact type the test expects.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "")
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
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && value.GetType() == notExpected)
            {
                Fail("Assert.IsNotInstanceOfType", "Wrong type:<" + Show(notExpected) + ">.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> contains <paramref name="expected"/>; a null argument fails.
        /// </summary>
        /// <param name="expected">The text expected inside <paramref name="value"/>.</param>
        /// <param name="value">The text to search.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (expected == null || value == null || value.IndexOf(expected) < 0)
            {
                Fail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'.", message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="value"/> contains <paramref name="notExpected"/>; a null argument fails.
        /// </summary>
        /// <param name="notExpected">The text expected not to be inside <paramref name="value"/>.</param>
        /// <param name="value">The text to search.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (notExpected == null || value == null || value.IndexOf(notExpected) >= 0)
            {
                Fail("Assert.DoesNotContains", "'" + value + "' should not contain '" + notExpected + "'.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> starts with <paramref name="expected"/>; a null argument fails.
        /// </summary>
        /// <param name="expected">The expected beginning.</param>
        /// <param name="value">The text to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (expected == null || value == null || !value.StartsWith(expected))
            {
                Fail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="value"/> ends with <paramref name="expected"/>; a null argument fails.
        /// </summary>
        /// <param name="expected">The expected ending.</param>
        /// <param name="value">The text to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (expected == null || value == null || !value.EndsWith(expected))
            {
                Fail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'.", message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws an exception of exactly <paramref name="exception"/>
        /// (a derived type fails, as on the device). A null argument fails the assertion.
        /// </summary>
        /// <param name="exception">The exact exception type expected.</param>
        /// <param name="action">The code expected to throw.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            if (action == null || exception == null)
            {
                Fail("Assert.ThrowsException", (action == null ? "action" : "exception") + " is null.", message);
            }

            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exception)
                {
                    return;
                }

                Fail("Assert.ThrowsException", "Threw " + Show(ex.GetType()) + " (" + ex.Message + ") but " + Show(exception) + " was expected.", message);
            }

            Fail("Assert.ThrowsException", "No exception thrown. " + Show(exception) + " was expected.", message);
        }

        /// <summary>
        /// Stops the test and reports it as skipped.
        /// </summary>
        /// <param name="message">Why the test is skipped.</param>
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        /// <summary>
        /// Throws the failure of an assertion; shared with <see cref="CollectionAssert"/>.
        /// </summary>
        internal static void Fail(string assertion, string reason, string message)
        {
            // The real framework's form: "<assertion> failed. <reason> <message>".
            string text = assertion + " failed.";
            if (reason.Length > 0)
            {
                text += " " + reason;
            }

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
