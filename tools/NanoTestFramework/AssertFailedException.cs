using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Thrown by <see cref="Assert"/> and <see cref="CollectionAssert"/> when a condition does not hold.
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
