using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// One case of a test method: the method is invoked once with these arguments for every row.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <summary>
        /// Creates a row of arguments for the test method. Like the device's, a null or empty row throws,
        /// which makes reading the method's attributes fail.
        /// </summary>
        /// <param name="methodParameters">The arguments, in the order of the method's parameters.</param>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("methodParameters is empty");
            }

            MethodParameters = methodParameters;
        }

        /// <summary>
        /// The arguments the test method is invoked with.
        /// </summary>
        public object[] MethodParameters { get; }
    }
}
