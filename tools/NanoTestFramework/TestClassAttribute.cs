using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a class whose public static methods hold tests. The launcher never instantiates it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>
        /// Lets a derived attribute replace the [TestMethod] of its class's methods; this one keeps it.
        /// </summary>
        /// <param name="testMethodAttribute">The attribute found on a test method.</param>
        /// <returns>The attribute to use: here, <paramref name="testMethodAttribute"/> itself.</returns>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }
}
