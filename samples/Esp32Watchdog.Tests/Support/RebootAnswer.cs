namespace Esp32Watchdog.Tests.Support
{
    /// <summary>How the scripted router answers <c>/system/reboot</c>.</summary>
    internal enum RebootAnswer
    {
        /// <summary><c>!done</c>, then it closes the connection and reboots.</summary>
        Done,

        /// <summary><c>!fatal</c>, then it closes the connection and reboots.</summary>
        Fatal,

        /// <summary>No answer: it closes the connection and reboots.</summary>
        Drop,

        /// <summary>A <c>!trap</c> (the user lacks the reboot policy): nothing happens.</summary>
        Trap,
    }
}
