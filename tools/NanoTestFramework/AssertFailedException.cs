using System;

namespace TestFrameworkShared
{
    /// <summary>
    /// Thrown by <see cref="nanoFramework.TestFramework.Assert"/> and <see cref="nanoFramework.TestFramework.CollectionAssert"/> when a condition does not hold.
    /// </summary>
    public class AssertFailedException : Exception
    {
        /// <summary>
        /// Creates the exception with the failure description.
        /// </summary>
        /// <param name="message">What failed and why.</param>
        public AssertFailedException(string message) : base(message)
        {
        }
    }
}
