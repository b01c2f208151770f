using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Thrown by <see cref="Assert.SkipTest(string)"/>: the launcher reports the test as skipped, not failed
    /// (it compares the exception's exact type). Unlike AssertFailedException, it lives in nanoFramework.TestFramework.
    /// </summary>
    public class SkipTestException : Exception
    {
        /// <summary>
        /// Creates the exception with the reason for skipping.
        /// </summary>
        /// <param name="message">Why the test is skipped.</param>
        /// <param name="innerException">The exception behind the skip, if any.</param>
        public SkipTestException(string message = null, Exception innerException = null) : base(message, innerException)
        {
        }
    }
}
