using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a public static test method. With [DataRow]s present, the method runs once per row instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
