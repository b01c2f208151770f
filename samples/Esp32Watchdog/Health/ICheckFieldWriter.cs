namespace Esp32Watchdog.Health
{
    /// <summary>
    /// Where a check writes its fields (<see cref="IHealthCheck.WriteFields"/>): the JSON of
    /// <c>/status</c> and the Prometheus text of <c>/metrics</c> each implement it, so a check
    /// shows in both without either knowing it.
    /// </summary>
    public interface ICheckFieldWriter
    {
        /// <summary>Writes one numeric field.</summary>
        /// <param name="name">
        /// A literal of lower-case letters, digits and '_' with its unit, e.g. <c>free_memory_bytes</c>:
        /// the JSON key, and the metric <c>watchdog_check_NAME</c>. Never built at run time.
        /// </param>
        /// <param name="help">One sentence for the metric's <c># HELP</c> line (a literal).</param>
        /// <param name="value">The value; negative for unknown (JSON <c>null</c>, no metric sample).</param>
        void Number(string name, string help, long value);
    }
}
