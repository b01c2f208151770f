using System;

namespace TestFrameworkShared
{
    /// <summary>
    /// Thrown by <see cref="nanoFramework.TestFramework.Assert"/> and <see cref="nanoFramework.TestFramework.CollectionAssert"/> when a condition does not hold.
    /// As in the real TestFramework, it lives in the namespace TestFrameworkShared.
    /// </summary>
    public class AssertFailedException : Exception
    {
        /// <summary>
        /// Creates the exception without a description.
        /// </summary>
        public AssertFailedException()
        {
        }

        /// <summary>
        /// Creates the exception with the failure description.
        /// </summary>
        /// <param name="msg">What failed and why.</param>
        public AssertFailedException(string msg) : base(msg)
        {
        }

        /// <summary>
        /// Creates the exception with the failure description and the exception that caused it.
        /// </summary>
        /// <param name="msg">What failed and why.</param>
        /// <param name="ex">The exception behind the failure.</param>
        public AssertFailedException(string msg, Exception ex) : base(msg, ex)
        {
        }
    }
}
