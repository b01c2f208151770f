using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Health
{
    /// <summary>
    /// One health rule for one router: its settings (thresholds with defaults, set in the
    /// configuration), its state across rounds, how it judges a round, the short text a decision
    /// quotes and the fields <c>/status</c> and <c>/metrics</c> show. Adding a check is one class
    /// behind this interface, registered in <c>WatchdogConfig.Checks</c> (every router) or
    /// <c>RouterConfig.Checks</c> (one router).
    /// </summary>
    /// <remarks>
    /// Life of a check: the configuration holds it (<see cref="Validate"/> runs there); the
    /// assembly gives each router its own instance (<see cref="Copy"/> of a default), which
    /// <see cref="Declare"/>s what the probe must fetch and allocates its state, once. Then each
    /// round <see cref="Judge"/> (allocation-free), <see cref="Reset"/> when the policy starts
    /// over, <see cref="Finding"/> only when a decision is written. Device code: no generics, no
    /// allocation per round, <c>object[]</c> for lists of names.
    /// </remarks>
    public interface IHealthCheck
    {
        /// <summary>
        /// The check's name: a router's check replaces the default of the same name; the key of its
        /// fields in <c>/status</c> and the <c>check</c> label in <c>/metrics</c>. Lower-case
        /// letters, digits and '-', at most <see cref="HealthCheckNames.MaxLength"/> characters.
        /// </summary>
        string Name { get; }

        /// <summary>
        /// True when a failing round is shown (status, decisions) but never counted towards a
        /// reboot or power-cycle: for what a reboot cannot fix.
        /// </summary>
        bool ReportOnly { get; }

        /// <summary>Checks the settings.</summary>
        /// <returns>A short description of the first problem, or null.</returns>
        string Validate();

        /// <summary>A new check with the same settings and fresh state (a default given to one router).</summary>
        /// <returns>The copy.</returns>
        IHealthCheck Copy();

        /// <summary>
        /// Says what the probe must fetch each round and keeps the slots; allocates the check's
        /// per-router state. Called once, while the watchdog is put together.
        /// </summary>
        /// <param name="request">The router's probe request.</param>
        void Declare(ProbeRequest request);

        /// <summary>Judges one round (a round without the API included) and advances the check's state. Allocates nothing.</summary>
        /// <param name="round">The round's values.</param>
        /// <returns>True when the check fails this round.</returns>
        bool Judge(IProbedValues round);

        /// <summary>Forgets the history across rounds (a new incident, a hold, an outage of the board's network).</summary>
        void Reset();

        /// <summary>What is wrong, in a few words, for a decision's reason, e.g. <c>not running: lte1</c>.</summary>
        /// <param name="round">The failing round, for names and numbers; null for the generic text.</param>
        /// <returns>The text (may allocate: called only when a decision is written).</returns>
        string Finding(IProbedValues round);

        /// <summary>
        /// Writes the check's fields for <c>/status</c> and <c>/metrics</c>: always the same fields in
        /// the same order, unknown values as -1. Allocates nothing.
        /// </summary>
        /// <param name="fields">The formatter.</param>
        /// <param name="round">The last round's values (a copy the status keeps).</param>
        void WriteFields(ICheckFieldWriter fields, IProbedValues round);
    }
}
