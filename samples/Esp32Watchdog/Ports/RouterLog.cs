namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// The decision log as one router's parts see it: decisions written here name that router. The
    /// policy and the router's session hold one, so no part of a router passes its position around.
    /// </summary>
    public sealed class RouterLog
    {
        private readonly IDecisionLog _log;

        /// <summary>Creates the log of one router.</summary>
        /// <param name="log">Where the decisions go.</param>
        /// <param name="routerIndex">The router's position in the configuration (the decision's subject).</param>
        /// <param name="routerName">The router's configured name.</param>
        public RouterLog(IDecisionLog log, int routerIndex, string routerName)
        {
            _log = log;
            RouterIndex = routerIndex;
            RouterName = routerName;
        }

        /// <summary>The router's position in the configuration.</summary>
        public int RouterIndex { get; }

        /// <summary>The router's configured name.</summary>
        public string RouterName { get; }

        /// <summary>Records a decision about this router.</summary>
        /// <param name="code">What was decided.</param>
        /// <param name="reason">A short reason; may be empty, never null.</param>
        /// <param name="atMilliseconds">Monotonic time of the decision.</param>
        /// <returns>The decision recorded.</returns>
        public Decision Emit(DecisionCode code, string reason, long atMilliseconds)
        {
            Decision decision = new Decision(code, RouterIndex, RouterName, reason, atMilliseconds);
            _log.Record(decision);
            return decision;
        }
    }
}
