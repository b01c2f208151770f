using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    /// <content>
    /// The deprecated names that nanoFramework.TestFramework 3.x still exposes; each forwards to its
    /// replacement. They exist so that a test compiling here compiles on the device, and vice versa.
    /// </content>
    public sealed partial class Assert
    {
        /// <summary>Old name of <see cref="AreEqual(object, object, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(Array expected, Array actual, string message = "") => AreEqual((object)expected, (object)actual, message);

        /// <summary>Old name of <see cref="AreEqual(bool, bool, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(bool expected, bool actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(byte, byte, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(byte expected, byte actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(char, char, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(char expected, char actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(DateTime, DateTime, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(DateTime expected, DateTime actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(double, double, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(double expected, double actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(float, float, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(float expected, float actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(int, int, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(int expected, int actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(long, long, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(long expected, long actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(sbyte, sbyte, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(sbyte expected, sbyte actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(short, short, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(short expected, short actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(string, string, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(string expected, string actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(uint, uint, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(uint expected, uint actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(ulong, ulong, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(ulong expected, ulong actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreEqual(ushort, ushort, string)"/>.</summary>
        /// <param name="expected">The value the test expects.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreEqual.")]
        public static void Equal(ushort expected, ushort actual, string message = "") => AreEqual(expected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(object, object, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(Array notExpected, Array actual, string message = "") => AreNotEqual((object)notExpected, (object)actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(bool, bool, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(bool notExpected, bool actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(byte, byte, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(byte notExpected, byte actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(char, char, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(char notExpected, char actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(DateTime, DateTime, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(DateTime notExpected, DateTime actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(double, double, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(double notExpected, double actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(float, float, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(float notExpected, float actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(int, int, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(int notExpected, int actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(long, long, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(long notExpected, long actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(sbyte, sbyte, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(sbyte notExpected, sbyte actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(short, short, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(short notExpected, short actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(string, string, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(string notExpected, string actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(uint, uint, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(uint notExpected, uint actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(ulong, ulong, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(ulong notExpected, ulong actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old name of <see cref="AreNotEqual(ushort, ushort, string)"/>.</summary>
        /// <param name="notExpected">The value the test expects not to see.</param>
        /// <param name="actual">The value the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotEqual.")]
        public static void NotEqual(ushort notExpected, ushort actual, string message = "") => AreNotEqual(notExpected, actual, message);

        /// <summary>Old place of <see cref="CollectionAssert.Empty(ICollection, string)"/>.</summary>
        /// <param name="collection">The collection to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the method with the same name in CollectionAssert class.")]
        public static void Empty(ICollection collection, string message = "") => CollectionAssert.Empty(collection, message);

        /// <summary>Old place of <see cref="CollectionAssert.NotEmpty(ICollection, string)"/>.</summary>
        /// <param name="collection">The collection to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the method with the same name in CollectionAssert class.")]
        public static void NotEmpty(ICollection collection, string message = "") => CollectionAssert.NotEmpty(collection, message);

        /// <summary>Old name of <see cref="IsFalse(bool, string)"/>.</summary>
        /// <param name="condition">The condition the test expects not to hold.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsFalse.")]
        public static void False(bool condition, string message = "") => IsFalse(condition, message);

        /// <summary>Old name of <see cref="IsTrue(bool, string)"/>.</summary>
        /// <param name="condition">The condition the test expects to hold.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsTrue.")]
        public static void True(bool condition, string message = "") => IsTrue(condition, message);

        /// <summary>Old name of <see cref="IsNull(object, string)"/>.</summary>
        /// <param name="value">The reference the test expects to be null.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNull.")]
        public static void Null(object value, string message = "") => IsNull(value, message);

        /// <summary>Old name of <see cref="IsNotNull(object, string)"/>.</summary>
        /// <param name="value">The reference the test expects to be set.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNotNull.")]
        public static void NotNull(object value, string message = "") => IsNotNull(value, message);

        /// <summary>Old name of <see cref="AreSame(object, object, string)"/>.</summary>
        /// <param name="expected">The object the test expects.</param>
        /// <param name="actual">The object the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreSame.")]
        public static void Same(object expected, object actual, string message = "") => AreSame(expected, actual, message);

        /// <summary>Old name of <see cref="AreNotSame(object, object, string)"/>.</summary>
        /// <param name="notExpected">The object the test expects not to see.</param>
        /// <param name="actual">The object the code under test produced.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method AreNotSame.")]
        public static void NotSame(object notExpected, object actual, string message = "") => AreNotSame(notExpected, actual, message);

        /// <summary>Old form of <see cref="IsInstanceOfType(object, Type, string)"/>, arguments swapped.</summary>
        /// <param name="expectedType">The exact type the test expects.</param>
        /// <param name="value">The object to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsInstanceOfType.")]
        public static void IsType(Type expectedType, object value, string message = "") => IsInstanceOfType(value, expectedType, message);

        /// <summary>Old form of <see cref="IsNotInstanceOfType(object, Type, string)"/>, arguments swapped.</summary>
        /// <param name="wrongType">The type the test expects the object not to have.</param>
        /// <param name="value">The object to inspect.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method IsNotInstanceOfType.")]
        public static void IsNotType(Type wrongType, object value, string message = "") => IsNotInstanceOfType(value, wrongType, message);

        /// <summary>Old name of <see cref="ThrowsException(Type, Action, string)"/>.</summary>
        /// <param name="exceptionType">The exact exception type expected.</param>
        /// <param name="action">The code expected to throw.</param>
        /// <param name="message">Text added to the failure report.</param>
        [Obsolete("This method is deprecated and will be removed in a future version. Use the new method ThrowsException.")]
        public static void Throws(Type exceptionType, Action action, string message = "") => ThrowsException(exceptionType, action, message);
    }
}
