namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// One decision of the watchdog: a code, a short reason, the router it concerns and when.
    /// Created only when something happens, never on a quiet healthy round.
    /// </summary>
    public sealed class Decision
    {
        /// <summary>The router index used for decisions about the board itself.</summary>
        public const int Board = -1;

        /// <summary>The longest reason kept; longer ones are cut (see <see cref="LogText"/>).</summary>
        public const int MaxReasonLength = 240;

        /// <summary>Creates a decision.</summary>
        /// <param name="code">What was decided.</param>
        /// <param name="routerIndex">Index of the router in the configuration, or <see cref="Board"/>.</param>
        /// <param name="routerName">The router's configured name (or "board").</param>
        /// <param name="reason">A short reason; may be empty, never null.</param>
        /// <param name="atMilliseconds">Monotonic time of the decision.</param>
        public Decision(DecisionCode code, int routerIndex, string routerName, string reason, long atMilliseconds)
        {
            Code = code;
            RouterIndex = routerIndex;
            RouterName = routerName;
            // Reasons carry router text (trap messages): escaped and capped, so none forges a log line.
            Reason = LogText.Clean(reason, MaxReasonLength);
            AtMilliseconds = atMilliseconds;
        }

        /// <summary>What was decided.</summary>
        public DecisionCode Code { get; }

        /// <summary>Index of the router in the configuration, or <see cref="Board"/>.</summary>
        public int RouterIndex { get; }

        /// <summary>The router's configured name, or "board".</summary>
        public string RouterName { get; }

        /// <summary>A short human-readable reason.</summary>
        public string Reason { get; }

        /// <summary>Monotonic time of the decision, in milliseconds.</summary>
        public long AtMilliseconds { get; }

        /// <summary>The code's name (enum names are not available at run time on nanoFramework).</summary>
        /// <param name="code">A decision code.</param>
        /// <returns>Its name, e.g. "RebootRequested".</returns>
        public static string NameOf(DecisionCode code)
        {
            switch (code)
            {
                case DecisionCode.HealthDegraded: return "HealthDegraded";
                case DecisionCode.HealthRestored: return "HealthRestored";
                case DecisionCode.Flapping: return "Flapping";
                case DecisionCode.RebootRequested: return "RebootRequested";
                case DecisionCode.RebootAccepted: return "RebootAccepted";
                case DecisionCode.RebootFailed: return "RebootFailed";
                case DecisionCode.PowerCycleRequested: return "PowerCycleRequested";
                case DecisionCode.PowerCycleDone: return "PowerCycleDone";
                case DecisionCode.PowerCycleFailed: return "PowerCycleFailed";
                case DecisionCode.RecoveryVerified: return "RecoveryVerified";
                case DecisionCode.VerificationFailed: return "VerificationFailed";
                case DecisionCode.PowerCycleVerificationFailed: return "PowerCycleVerificationFailed";
                case DecisionCode.ActionDeferred: return "ActionDeferred";
                case DecisionCode.ActionImpossible: return "ActionImpossible";
                case DecisionCode.GivenUp: return "GivenUp";
                case DecisionCode.GivenUpReminder: return "GivenUpReminder";
                case DecisionCode.GivenUpCleared: return "GivenUpCleared";
                case DecisionCode.MaintenanceStarted: return "MaintenanceStarted";
                case DecisionCode.MaintenanceEnded: return "MaintenanceEnded";
                case DecisionCode.RouterRebootedOnItsOwn: return "RouterRebootedOnItsOwn";
                case DecisionCode.ProbeProblem: return "ProbeProblem";
                case DecisionCode.BoardNetworkDown: return "BoardNetworkDown";
                case DecisionCode.BoardNetworkUp: return "BoardNetworkUp";
                case DecisionCode.ButtonStuck: return "ButtonStuck";
                case DecisionCode.PlaintextConnect: return "PlaintextConnect";
                case DecisionCode.ActionHistoryRestored: return "ActionHistoryRestored";
                default: return "Decision" + ((int)code).ToString();
            }
        }

        /// <summary>One log line: time in seconds, router, code and reason.</summary>
        /// <returns>E.g. "[120s] main RebootRequested: cpu-load 100% for 10 samples".</returns>
        public override string ToString()
        {
            return "[" + (AtMilliseconds / 1000).ToString() + "s] " + RouterName + " " + NameOf(Code)
                + (Reason.Length == 0 ? string.Empty : ": " + Reason);
        }
    }
}
