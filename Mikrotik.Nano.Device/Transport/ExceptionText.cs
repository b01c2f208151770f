using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// What an exception is, in one short line: its type, its code and where it happened. Used for
    /// console and status lines, where nanoFramework gives only the bare type name otherwise.
    /// </summary>
    public static class ExceptionText
    {
        /// <summary>
        /// The exception's code: the value of a public <c>ErrorCode</c> property when its type has
        /// one (SocketException; CryptographicException of newer firmware, a type the pinned
        /// System.Net does not define and so is read by reflection), else 0.
        /// </summary>
        /// <param name="error">Any exception, or null.</param>
        /// <returns>The code, or 0.</returns>
        public static int CodeOf(Exception error)
        {
            if (error == null)
            {
                return 0;
            }

            try
            {
                System.Reflection.MethodInfo getter = error.GetType().GetMethod("get_ErrorCode");
                if (getter == null)
                {
                    return 0;
                }

                object value = getter.Invoke(error, null);
                return value is int ? (int)value : 0;
            }
            catch (Exception)
            {
                return 0;
            }
        }

        /// <summary>"TypeName code N at where: message" (code and message only when present).</summary>
        /// <param name="error">What was caught.</param>
        /// <param name="where">Where it was caught, e.g. "status server accept".</param>
        /// <returns>One line.</returns>
        public static string Describe(Exception error, string where)
        {
            if (error == null)
            {
                return "no exception at " + where;
            }

            int code = CodeOf(error);
            string message = error.Message;
            return error.GetType().Name
                + (code != 0 ? " code " + code.ToString() : string.Empty)
                + " at " + where
                + (message != null && message.Length > 0 ? ": " + message : string.Empty);
        }
    }
}
