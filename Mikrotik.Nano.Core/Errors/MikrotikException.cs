using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Raised for a misuse the caller can correct (a bad path, a full buffer, a closed connection).
    /// The <see cref="Code"/> says which; the message is kept short because it costs flash and heap
    /// on the device.
    /// </summary>
    public class MikrotikException : Exception
    {
        private readonly ErrorCode _code;

        /// <summary>Creates an exception carrying <paramref name="code"/>.</summary>
        /// <param name="code">What went wrong.</param>
        /// <param name="message">A short description.</param>
        public MikrotikException(ErrorCode code, string message) : base(message)
        {
            _code = code;
        }

        /// <summary>What went wrong.</summary>
        public ErrorCode Code
        {
            get { return _code; }
        }
    }
}
