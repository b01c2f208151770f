using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Array comparison for tests, as in nanoFramework.TestFramework 3.x.
    /// </summary>
    public static class TestExtensions
    {
        /// <summary>
        /// True when both arrays have the same length and, position by position, elements of the same type
        /// that are equal (by value for primitive types, by reference otherwise). A null array is never equal.
        /// </summary>
        /// <param name="a">The first array.</param>
        /// <param name="b">The second array.</param>
        /// <returns>Whether the sequences are equal.</returns>
        public static bool SequenceEqual(this Array a, Array b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                object left = a.GetValue(i);
                object right = b.GetValue(i);
                if (left.GetType() != right.GetType())
                {
                    return false;
                }

                bool same = left is ValueType ? left.Equals(right) : ReferenceEquals(left, right);
                if (!same)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
