using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a class whose public static methods hold tests. The launcher never instantiates it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class TestClassAttribute : Attribute
    {
    }
}
