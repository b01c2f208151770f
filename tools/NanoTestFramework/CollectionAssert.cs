using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions over collections (arrays included), with the overload set of nanoFramework.TestFramework 3.x.
    /// Equality means the same number of elements and pairwise equal elements in the same order.
    /// </summary>
    public sealed class CollectionAssert
    {
        /// <summary>
        /// Fails unless <paramref name="collection"/> has no elements.
        /// </summary>
        /// <param name="collection">The collection to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void Empty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count != 0)
            {
                Assert.Fail("CollectionAssert.Empty", collection == null ? "The collection is null." : string.Empty, message);
            }
        }

        /// <summary>
        /// Fails if <paramref name="collection"/> has no elements.
        /// </summary>
        /// <param name="collection">The collection to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void NotEmpty(ICollection collection, string message = "")
        {
            if (collection == null || collection.Count == 0)
            {
                Assert.Fail("CollectionAssert.NotEmpty", collection == null ? "The collection is null." : string.Empty, message);
            }
        }

        /// <summary>
        /// Fails unless both collections hold equal elements in the same order.
        /// </summary>
        /// <param name="expected">The collection the test expects.</param>
        /// <param name="actual">The collection the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            string difference = FindDifference(expected, actual);
            if (difference != null)
            {
                Assert.Fail("CollectionAssert.AreEqual", difference, message);
            }
        }

        /// <summary>
        /// Fails if both collections hold equal elements in the same order.
        /// </summary>
        /// <param name="notExpected">The collection the test expects not to see.</param>
        /// <param name="actual">The collection the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "")
        {
            if (FindDifference(notExpected, actual) == null)
            {
                Assert.Fail("CollectionAssert.AreNotEqual", "Both collections hold the same elements.", message);
            }
        }

        /// <summary>
        /// Describes the first difference between two collections, or returns null when they are equal.
        /// </summary>
        private static string FindDifference(ICollection expected, ICollection actual)
        {
            if (ReferenceEquals(expected, actual))
            {
                return null;
            }

            if (expected == null || actual == null)
            {
                return expected == null ? "Expected is null." : "Actual is null.";
            }

            if (expected.Count != actual.Count)
            {
                return "Expected count:<" + expected.Count + ">. Actual count:<" + actual.Count + ">.";
            }

            IEnumerator left = expected.GetEnumerator();
            IEnumerator right = actual.GetEnumerator();
            int index = 0;
            while (left.MoveNext() && right.MoveNext())
            {
                if (!Equals(left.Current, right.Current))
                {
                    return "Element at index " + index + " differs. Expected:<" + Assert.Show(left.Current) + ">. Actual:<" + Assert.Show(right.Current) + ">.";
                }

                index++;
            }

            return null;
        }
    }
}
