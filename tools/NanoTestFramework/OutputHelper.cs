using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Writes diagnostic text from tests to the launcher's output.
    /// </summary>
    public static class OutputHelper
    {
        /// <summary>
        /// Writes a message without a line terminator.
        /// </summary>
        /// <param name="message">The text to write.</param>
        public static void Write(string message)
        {
            Console.Write(message);
        }

        /// <summary>
        /// Writes a message followed by a line terminator.
        /// </summary>
        /// <param name="message">The text to write.</param>
        public static void WriteLine(string message)
        {
            Console.WriteLine(message);
        }
    }
}
