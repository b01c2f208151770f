using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a public static method that runs once after the tests of its class.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute
    {
    }
}
