namespace Esp32Watchdog.Ports
{
    /// <summary>What came of a reboot command sent through the API.</summary>
    public enum RebootResult
    {
        /// <summary>
        /// The router is rebooting: it answered <c>!done</c>, or dropped the connection, or sent
        /// <c>!fatal</c> after <c>/system/reboot</c> (all three are seen in the field).
        /// </summary>
        Rebooting = 0,

        /// <summary>
        /// The command did not go through: no connection, login refused, a <c>!trap</c> (e.g. the
        /// user lacks the reboot policy), or a timeout before the command was sent.
        /// </summary>
        Failed = 1,
    }
}
