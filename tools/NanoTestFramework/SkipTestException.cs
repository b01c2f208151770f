using System;

namespace TestFrameworkShared
{
    /// <summary>
    /// Thrown by <see cref="nanoFramework.TestFramework.Assert.SkipTest(string)"/>: the launcher reports the test as skipped, not failed.
    /// </summary>
    public class SkipTestException : Exception
    {
        /// <summary>
        /// Creates the exception with the reason for skipping.
        /// </summary>
        /// <param name="message">Why the test is skipped.</param>
        public SkipTestException(string message) : base(message)
        {
        }
    }
}
