using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Policy
{
    /// <summary>
    /// The decision logic for one router, pure: no I/O, no clock, no threads. The caller feeds it
    /// probe results and the time, executes the <see cref="PolicyAction"/> it returns, and reports
    /// the outcome back. Every decision goes to the <see cref="IDecisionLog"/> as it is made.
    /// </summary>
    /// <remarks>
    /// Rules, in the order they protect the router:
    /// a board-side network outage pauses everything and never counts; a probe that was answered
    /// (even with a refusal) never counts as unreachable; only N consecutive unhealthy rounds lead
    /// to an action (longer when the action would be a power-cut); at most K actions per sliding
    /// window, with a back-off that doubles after each action; exhausting K means "given up" until
    /// a human acknowledges. A healthy round allocates nothing. Not thread-safe: one caller.
    /// Health is judged by the router's checks (<see cref="IHealthCheck"/>, through
    /// <see cref="HealthEvaluator"/>); a failing report-only check is reported
    /// (<see cref="DecisionCode.ReportOnlyFinding"/>) and never counted.
    /// Each rule lives in its own class (<see cref="HealthEvaluator"/>, <see cref="HealthStreaks"/>,
    /// <see cref="UptimeTracker"/>, <see cref="FlapDetector"/>, <see cref="ActionBudget"/>,
    /// <see cref="RecoveryVerifier"/>, <see cref="MaintenanceHold"/>); this
    /// class is the state machine that ties them together.
    /// <code>
    /// state               input                                  output / next state
    /// Monitoring          probe: N unhealthy (or M silent) rounds RebootViaApi / VerifyingReboot
    ///                                                             (PowerCycle / VerifyingPowerCycle when silent)
    ///                     probe: K actions in the window          GivenUp
    ///                     probe: grace or back-off not over       ActionDeferred, stays
    ///                     probe: M silent rounds and no relay     ActionImpossible, stays
    /// VerifyingReboot     reboot result: refused (a !trap)        Monitoring (the router runs: no cut)
    ///                     reboot result: failed, or probe: still  the fallback: PowerCycle / VerifyingPowerCycle;
    ///                     silent after PowerCycleAfter            K reached: GivenUp; no relay: Monitoring
    ///                     probe: restarted, or deadline passed    Monitoring
    /// VerifyingPowerCycle power-cycle done: relay failed          GivenUp
    ///                     probe: answers, uptime not reset        GivenUp (the relay did nothing)
    ///                     probe: restarted, or deadline passed    Monitoring
    /// GivenUp             Acknowledge                             Monitoring (window cleared)
    ///                     probe, every reminder interval          GivenUpReminder, stays
    /// any                 BeginMaintenance, router flag appears   Maintenance
    /// Maintenance         hold expires, EndMaintenance, flag gone Monitoring
    /// any                 board network down                      paused: streaks restart, deadlines extended
    /// (beside the states) N rounds answered but unusable           condition Blind (no action ever), reminders; a usable round ends it
    /// Verifying*          the action could not be kept (store)    GivenUp: not acting beyond what it can remember
    /// at start            RestoreJudgement: given up / a hold     GivenUp / Maintenance (for what is left of it)
    /// </code>
    /// </remarks>
    public sealed class RouterPolicy
    {
        private readonly WatchdogConfig _config;
        private readonly RouterConfig _router;
        private readonly bool _hasRelay;
        private readonly RouterLog _log;
        private readonly HealthEvaluator _health;
        private readonly HealthStreaks _streaks;
        private readonly UptimeTracker _uptime;
        private readonly FlapDetector _flaps;
        private readonly ActionBudget _budget;
        private readonly RecoveryVerifier _verifier;
        private readonly MaintenanceHold _hold;

        private PolicyState _state;
        private Decision _actionRequest;
        private long _actionStartedAtMs;
        private long _pausedSinceMs;
        private long _startedAtMs;
        private long _lastReminderAtMs;
        private int _blindRounds;
        private long _lastBlindReminderAtMs;

        // Said once per episode, so that a long incident writes one line, not one per round.
        private ProbeFailure _lastReportedProblem;
        private bool _reportedUnhealthy;
        private bool _reportOnlyShown;
        private bool _deferralReported;
        private bool _impossibleReported;
        private bool _graceReported;

        /// <summary>Creates the policy of one router, in <see cref="PolicyState.Monitoring"/>.</summary>
        /// <param name="config">The watchdog configuration (thresholds and limits).</param>
        /// <param name="router">The router, one of <see cref="WatchdogConfig.Routers"/>.</param>
        /// <param name="hasRelay">Whether a relay can cut this router's power.</param>
        /// <param name="log">Where decisions about this router go.</param>
        /// <param name="checks">The router's health checks, declared (see <see cref="WatchdogConfig.ChecksFor"/>).</param>
        public RouterPolicy(WatchdogConfig config, RouterConfig router, bool hasRelay, RouterLog log, IHealthCheck[] checks)
        {
            _config = config;
            _router = router;
            _hasRelay = hasRelay;
            _log = log;
            _health = new HealthEvaluator(checks);
            _streaks = new HealthStreaks();
            _uptime = new UptimeTracker(config);
            _flaps = new FlapDetector(config);
            _budget = new ActionBudget(config);
            _verifier = new RecoveryVerifier(config);
            _hold = new MaintenanceHold(config);

            _state = PolicyState.Monitoring;
            _pausedSinceMs = -1;
            _startedAtMs = long.MinValue;
        }

        /// <summary>The current state.</summary>
        public PolicyState State
        {
            get { return _state; }
        }

        /// <summary>
        /// The decision that asked for the action <see cref="OnProbe"/> or <see cref="OnRebootResult"/>
        /// just returned (<see cref="DecisionCode.RebootRequested"/> or <see cref="DecisionCode.PowerCycleRequested"/>):
        /// the action's reason travels with it to the rebooter. Null before the first action.
        /// </summary>
        public Decision ActionRequest
        {
            get { return _actionRequest; }
        }

        /// <summary>The router's checks and what they found in the last evaluated round.</summary>
        public HealthEvaluator Health
        {
            get { return _health; }
        }

        /// <summary>Consecutive unhealthy rounds so far (0 after a healthy round).</summary>
        public int UnhealthyStreak
        {
            get { return _streaks.Unhealthy; }
        }

        /// <summary>Actions since the router was last healthy for <see cref="WatchdogConfig.HealthyResetMilliseconds"/>; drives the back-off.</summary>
        public int ConsecutiveActions
        {
            get { return _budget.ConsecutiveActions; }
        }

        /// <summary>True while the board's network is down (the policy is paused).</summary>
        public bool IsPaused
        {
            get { return _pausedSinceMs >= 0; }
        }

        /// <summary>The router's condition for the status LED.</summary>
        public RouterCondition Condition
        {
            get
            {
                switch (_state)
                {
                    case PolicyState.GivenUp: return RouterCondition.GivenUp;
                    case PolicyState.Maintenance: return RouterCondition.Maintenance;
                    case PolicyState.VerifyingReboot: return RouterCondition.Acting;
                    case PolicyState.VerifyingPowerCycle: return RouterCondition.Acting;
                    default:
                        if (_blindRounds >= _config.BlindRoundsBeforeReport)
                        {
                            return RouterCondition.Blind;
                        }

                        return _health.Unhealthy || _health.ReportOnlyFailing ? RouterCondition.Degraded : RouterCondition.Healthy;
                }
            }
        }

        /// <summary>
        /// Feeds one probe round, taken while the board's network was up (a round during which the
        /// board lost its network must go to <see cref="OnBoardNetworkDown"/> instead).
        /// </summary>
        /// <param name="sample">The round's results.</param>
        /// <param name="nowMilliseconds">Monotonic time after the probe finished.</param>
        /// <returns>The action to execute now.</returns>
        public PolicyAction OnProbe(HealthSample sample, long nowMilliseconds)
        {
            long now = nowMilliseconds;
            if (_startedAtMs == long.MinValue)
            {
                _startedAtMs = now;
            }

            if (_pausedSinceMs >= 0)
            {
                // Time spent without our own network is not time the router had to recover in.
                long paused = now - _pausedSinceMs;
                if (paused > 0)
                {
                    _actionStartedAtMs += paused;
                }

                _pausedSinceMs = -1;
            }

            CheckTimers(now);
            FollowMaintenanceFlag(sample, now);
            ReportProbeProblem(sample, now);
            TrackBlindness(sample, now);
            bool unhealthy = _health.Assess(sample);
            ReportOnlyFindings(sample, now);
            bool uptimeWentBack = _uptime.Observe(sample, now);

            switch (_state)
            {
                case PolicyState.VerifyingReboot:
                case PolicyState.VerifyingPowerCycle:
                    return Verify(sample, uptimeWentBack, now);

                case PolicyState.Maintenance:
                    if (uptimeWentBack)
                    {
                        Emit(DecisionCode.RouterRebootedOnItsOwn, "during maintenance", now);
                    }

                    CountRound(unhealthy, sample, now, false);
                    return PolicyAction.None;

                case PolicyState.GivenUp:
                    if (uptimeWentBack)
                    {
                        Emit(DecisionCode.RouterRebootedOnItsOwn, "uptime went backwards", now);
                    }

                    CountRound(unhealthy, sample, now, false);
                    return PolicyAction.None;

                default:
                    if (uptimeWentBack)
                    {
                        Emit(DecisionCode.RouterRebootedOnItsOwn, "uptime went backwards", now);
                    }

                    CountRound(unhealthy, sample, now, true);
                    return Decide(unhealthy, sample, now);
            }
        }

        /// <summary>
        /// Tells the policy that the board's own network is down: everything pauses, the streaks
        /// restart from zero, and verification deadlines are extended by the outage.
        /// </summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void OnBoardNetworkDown(long nowMilliseconds)
        {
            if (_pausedSinceMs < 0)
            {
                _pausedSinceMs = nowMilliseconds;
                _streaks.Reset();
                _health.Reset();
                _deferralReported = false;
            }

            CheckTimers(nowMilliseconds);
        }

        /// <summary>Reports the outcome of a <see cref="PolicyAction.RebootViaApi"/>.</summary>
        /// <param name="result">What the router did with the reboot command.</param>
        /// <param name="nowMilliseconds">Monotonic time after the attempt.</param>
        /// <returns><see cref="PolicyAction.PowerCycle"/> when the fallback is due, otherwise none.</returns>
        public PolicyAction OnRebootResult(RebootResult result, long nowMilliseconds)
        {
            if (_state != PolicyState.VerifyingReboot)
            {
                return PolicyAction.None;
            }

            if (result == RebootResult.Rebooting)
            {
                _actionStartedAtMs = nowMilliseconds;
                Emit(DecisionCode.RebootAccepted, "the router is rebooting; waiting for it to come back", nowMilliseconds);
                return PolicyAction.None;
            }

            if (result == RebootResult.Refused)
            {
                // The router answered: it runs, and a power cut would be a cut of a living router.
                // Only an unreachable streak later can lead to the relay.
                Emit(DecisionCode.RebootRefused, "the router refused /system/reboot (does the API user's group have the reboot policy?); no power cut", nowMilliseconds);
                AfterAction();
                return PolicyAction.None;
            }

            Emit(DecisionCode.RebootFailed, "the API reboot did not go through", nowMilliseconds);
            return Fallback("API reboot failed", nowMilliseconds);
        }

        /// <summary>Reports the outcome of a <see cref="PolicyAction.PowerCycle"/>.</summary>
        /// <param name="succeeded">False when the relay could not be driven.</param>
        /// <param name="nowMilliseconds">Monotonic time after the power came back on.</param>
        public void OnPowerCycleDone(bool succeeded, long nowMilliseconds)
        {
            if (_state != PolicyState.VerifyingPowerCycle)
            {
                return;
            }

            if (!succeeded)
            {
                Emit(DecisionCode.PowerCycleFailed, "relay error", nowMilliseconds);
                GiveUp("the relay could not be driven", nowMilliseconds);
                return;
            }

            _actionStartedAtMs = nowMilliseconds;
            Emit(DecisionCode.PowerCycleDone, "power is back on; waiting for the router to boot", nowMilliseconds);
        }

        /// <summary>
        /// Starts a maintenance hold: no action until it ends. A pending verification is dropped
        /// (the human is in charge now).
        /// </summary>
        /// <param name="durationMilliseconds">Length of the hold; 0 or less for the default; capped at the maximum.</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void BeginMaintenance(long durationMilliseconds, long nowMilliseconds)
        {
            BeginHold(durationMilliseconds, false, "by hand", nowMilliseconds);
        }

        /// <summary>Ends a maintenance hold early. Does nothing outside maintenance.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void EndMaintenance(long nowMilliseconds)
        {
            if (_state == PolicyState.Maintenance)
            {
                EndMaintenance("ended by hand", nowMilliseconds);
            }
        }

        /// <summary>
        /// A human acknowledges a given-up router: the action history is cleared and watching
        /// resumes. Does nothing in other states.
        /// </summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void Acknowledge(long nowMilliseconds)
        {
            if (_state != PolicyState.GivenUp)
            {
                return;
            }

            _budget.Clear();
            _state = PolicyState.Monitoring;
            ResetStreaks();
            Emit(DecisionCode.GivenUpCleared, "acknowledged", nowMilliseconds);
        }

        /// <summary>True while a maintenance hold started by the router's flag runs (the board's button does not end it).</summary>
        public bool IsHeldByFlag
        {
            get { return _state == PolicyState.Maintenance && _hold.ByFlag; }
        }

        /// <summary>
        /// Writes what must survive a board reset into <paramref name="into"/> (see
        /// <see cref="RouterJudgement"/>): the actions and back-off count, GivenUp, the running
        /// hold and the flag's last seen presence. Allocates nothing.
        /// </summary>
        /// <param name="into">Receives the judgement (its name is left as it is).</param>
        /// <param name="offset">Board lifetime minus monotonic time.</param>
        public void ExportJudgement(RouterJudgement into, long offset)
        {
            into.Clear();
            into.GivenUp = _state == PolicyState.GivenUp;
            if (_state == PolicyState.Maintenance)
            {
                into.Holding = true;
                into.HoldByFlag = _hold.ByFlag;
                into.HoldEndsAt = _hold.EndsAtMilliseconds + offset;
            }

            into.FlagSeen = _hold.FlagSeen;
            _budget.ExportTo(into, offset);
        }

        /// <summary>
        /// Takes up the judgement kept across a board reset: the rate limit and back-off count its
        /// actions as if the board had never restarted (the time it was off counting as zero), a
        /// given-up router stays given up, a hold runs for what is left of it (capped at the
        /// maximum), and a flag already seen is no new request. Call once, before the first probe.
        /// </summary>
        /// <param name="kept">What was kept.</param>
        /// <param name="offset">Board lifetime minus monotonic time.</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void RestoreJudgement(RouterJudgement kept, long offset, long nowMilliseconds)
        {
            long now = nowMilliseconds;
            _budget.RestoreFrom(kept, offset, now);
            string text = _budget.ActionsInWindow(now).ToString() + " action(s) in the window";
            long holdEnds = kept.HoldEndsAt - offset;
            _hold.Resume(kept.FlagSeen, holdEnds, kept.HoldByFlag, now);
            if (kept.GivenUp)
            {
                _state = PolicyState.GivenUp;
                _lastReminderAtMs = now;
                text += "; still given up: needs a human";
            }
            else if (kept.Holding && !_hold.HasExpired(now))
            {
                _state = PolicyState.Maintenance;
                text += "; maintenance hold " + ((_hold.EndsAtMilliseconds - now) / 60000).ToString() + " min left" + (kept.HoldByFlag ? " (router flag)" : string.Empty);
            }

            Emit(DecisionCode.ActionHistoryRestored, text, now);
        }

        /// <summary>
        /// The action just returned could not be kept in the action-history store: it is not
        /// taken, and the router is given up (a watchdog that cannot remember its actions must not
        /// repeat them after every reset; a human must look at the board's flash).
        /// </summary>
        /// <param name="why">The store's problem.</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void OnActionNotKept(string why, long nowMilliseconds)
        {
            if (_state == PolicyState.VerifyingReboot || _state == PolicyState.VerifyingPowerCycle)
            {
                GiveUp("action not taken: the action history cannot be written (" + why + ")", nowMilliseconds);
            }
        }

        /// <summary>How many actions fall in the sliding window ending now.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>0 .. <see cref="WatchdogConfig.MaxActionsPerWindow"/>.</returns>
        public int ActionsInWindow(long nowMilliseconds)
        {
            return _budget.ActionsInWindow(nowMilliseconds);
        }

        /// <summary>The back-off that must pass after the n-th consecutive action (base, doubled each time, capped).</summary>
        /// <param name="consecutiveActions">Actions so far (1 = after the first).</param>
        /// <returns>Milliseconds; 0 when no action was taken.</returns>
        public long BackoffAfter(int consecutiveActions)
        {
            return _budget.BackoffAfter(consecutiveActions);
        }

        private void CheckTimers(long now)
        {
            if (_state == PolicyState.Maintenance && _hold.HasExpired(now))
            {
                EndMaintenance("hold expired", now);
            }
            else if (_state == PolicyState.GivenUp && now - _lastReminderAtMs >= _config.GivenUpReminderMilliseconds)
            {
                _lastReminderAtMs = now;
                Emit(DecisionCode.GivenUpReminder, "needs a human: " + _health.Findings(null, false), now);
            }
        }

        // The router-side trigger: a flag (script) that appears starts a hold, one that goes away
        // ends the hold it started.
        private void FollowMaintenanceFlag(HealthSample sample, long now)
        {
            switch (_hold.FollowFlag(sample, _state == PolicyState.Maintenance))
            {
                case MaintenanceFlagEdge.Raised:
                    BeginHold((long)sample.MaintenanceMinutes * 60000, true, "router flag", now);
                    break;

                case MaintenanceFlagEdge.RemovedEndsHold:
                    EndMaintenance("router flag removed", now);
                    break;
            }
        }

        private void BeginHold(long durationMilliseconds, bool byFlag, string source, long now)
        {
            long duration = _hold.Begin(durationMilliseconds, byFlag, now);
            _state = PolicyState.Maintenance;
            ResetStreaks();
            Emit(DecisionCode.MaintenanceStarted, source + ", for " + (duration / 60000).ToString() + " min", now);
        }

        private void EndMaintenance(string reason, long now)
        {
            _state = PolicyState.Monitoring;
            ResetStreaks();
            Emit(DecisionCode.MaintenanceEnded, reason, now);
        }

        // Counts the round in the streaks and logs a change of health once, unless the router is
        // flapping. Outside Monitoring (report false) changes are tracked but not logged.
        private void CountRound(bool unhealthy, HealthSample sample, long now, bool report)
        {
            bool healthy = !unhealthy;
            bool changed = _streaks.Count(unhealthy, _health.ApiUnreachable, now);

            // The board's own outage restarts the streaks at "healthy" but not what was reported:
            // a router logged degraded before it is restored by its first healthy round after it.
            changed = changed || (healthy && _reportedUnhealthy);
            if (healthy)
            {
                _deferralReported = false;
                _impossibleReported = false;
                if (_streaks.HealthyFor(now) >= _config.HealthyResetMilliseconds)
                {
                    _budget.Forgive();
                }
            }

            if (!changed)
            {
                return;
            }

            _flaps.OnTransition(now);
            if (!report)
            {
                _reportedUnhealthy = !healthy;
                return;
            }

            if (_flaps.TryStartFlapping())
            {
                Emit(DecisionCode.Flapping, "health alternating; muted until it settles", now);
            }

            if (_flaps.IsFlapping)
            {
                _reportedUnhealthy = !healthy;
                return;
            }

            if (!healthy && !_reportedUnhealthy)
            {
                _reportedUnhealthy = true;
                Emit(DecisionCode.HealthDegraded, _health.Findings(sample, false), now);
            }
            else if (healthy && _reportedUnhealthy)
            {
                _reportedUnhealthy = false;
                Emit(DecisionCode.HealthRestored, string.Empty, now);
            }
        }

        private PolicyAction Decide(bool unhealthy, HealthSample sample, long now)
        {
            if (!unhealthy)
            {
                return PolicyAction.None;
            }

            bool apiDead = _health.ApiUnreachable;
            if (apiDead)
            {
                if (_streaks.Unreachable < _config.UnreachableRoundsBeforePowerCycle)
                {
                    return PolicyAction.None;
                }

                if (!_hasRelay)
                {
                    if (!_impossibleReported)
                    {
                        _impossibleReported = true;
                        Emit(DecisionCode.ActionImpossible, "API unreachable and no relay", now);
                    }

                    return PolicyAction.None;
                }
            }
            else if (_streaks.Unhealthy < _config.UnhealthyRoundsBeforeAction)
            {
                return PolicyAction.None;
            }

            if (_budget.IsExhausted(now))
            {
                GiveUp(_config.MaxActionsPerWindow.ToString() + " actions in " + (_config.ActionWindowMilliseconds / 60000).ToString() + " min; still: " + _health.Findings(sample, false), now);
                return PolicyAction.None;
            }

            if (now - _startedAtMs < _config.StartupGraceMilliseconds)
            {
                if (!_graceReported)
                {
                    _graceReported = true;
                    long left = (_startedAtMs + _config.StartupGraceMilliseconds - now) / 1000;
                    Emit(DecisionCode.ActionDeferred, "startup grace: " + left.ToString() + " s left", now);
                }

                return PolicyAction.None;
            }

            long backoffLeft = _budget.BackoffLeft(now);
            if (backoffLeft > 0)
            {
                if (!_deferralReported)
                {
                    _deferralReported = true;
                    Emit(DecisionCode.ActionDeferred, "back-off: " + (backoffLeft / 1000).ToString() + " s left", now);
                }

                return PolicyAction.None;
            }

            string reason = _health.Findings(sample, false);
            return apiDead ? StartPowerCycle(reason, now) : StartReboot(reason, now);
        }

        private PolicyAction Verify(HealthSample sample, bool uptimeWentBack, long now)
        {
            long elapsed = now - _actionStartedAtMs;
            switch (_verifier.Judge(sample, uptimeWentBack, elapsed, _state == PolicyState.VerifyingPowerCycle))
            {
                case VerificationOutcome.CannotVerify:
                    Emit(DecisionCode.VerificationFailed, "probe error, cannot verify", now);
                    AfterAction();
                    return PolicyAction.None;

                case VerificationOutcome.Verified:
                    Emit(DecisionCode.RecoveryVerified, "back after " + (elapsed / 1000).ToString() + " s, uptime " + sample.UptimeSeconds.ToString() + " s", now);
                    AfterAction();
                    return PolicyAction.None;

                case VerificationOutcome.PowerCycleNoEffect:
                    // Repeating a power-cut that did nothing can only do harm: a human is needed.
                    Emit(DecisionCode.VerificationFailed, "power-cycle had no effect (uptime " + sample.UptimeSeconds.ToString() + " s): check the relay", now);
                    GiveUp("relay miswired or not switching: power-cycle had no effect", now);
                    return PolicyAction.None;

                case VerificationOutcome.UptimeNotReset:
                    Emit(DecisionCode.VerificationFailed, "uptime did not reset", now);
                    AfterAction();
                    return PolicyAction.None;

                case VerificationOutcome.UptimeUnknown:
                    Emit(DecisionCode.VerificationFailed, "uptime unknown", now);
                    AfterAction();
                    return PolicyAction.None;

                case VerificationOutcome.PowerCycleNotBack:
                    Emit(DecisionCode.PowerCycleVerificationFailed, "API not back after " + (elapsed / 1000).ToString() + " s", now);
                    AfterAction();
                    return PolicyAction.None;

                case VerificationOutcome.FallbackDue:
                    return Fallback("API not back " + (elapsed / 1000).ToString() + " s after reboot", now);

                default:
                    return PolicyAction.None;
            }
        }

        // Power-cycle after a failed or ineffective API reboot: same incident, so no back-off, but
        // the rate limit still holds.
        private PolicyAction Fallback(string reason, long now)
        {
            if (!_hasRelay)
            {
                Emit(DecisionCode.ActionImpossible, reason + "; no relay", now);
                AfterAction();
                return PolicyAction.None;
            }

            if (_budget.IsExhausted(now))
            {
                GiveUp(reason + "; rate limit reached", now);
                return PolicyAction.None;
            }

            return StartPowerCycle(reason, now);
        }

        private PolicyAction StartReboot(string reason, long now)
        {
            RecordAction(now);
            _state = PolicyState.VerifyingReboot;
            _actionRequest = _log.Emit(DecisionCode.RebootRequested, reason, now);
            return PolicyAction.RebootViaApi;
        }

        private PolicyAction StartPowerCycle(string reason, long now)
        {
            RecordAction(now);
            _state = PolicyState.VerifyingPowerCycle;
            _actionRequest = _log.Emit(DecisionCode.PowerCycleRequested, reason, now);
            return PolicyAction.PowerCycle;
        }

        private void RecordAction(long now)
        {
            _budget.Record(now);
            _actionStartedAtMs = now;
            _deferralReported = false;
        }

        private void AfterAction()
        {
            _state = PolicyState.Monitoring;
            ResetStreaks();
        }

        private void GiveUp(string reason, long now)
        {
            _state = PolicyState.GivenUp;
            _lastReminderAtMs = now;
            ResetStreaks();
            Emit(DecisionCode.GivenUp, reason, now);
        }

        private void ResetStreaks()
        {
            _streaks.Reset();
            _health.Reset();
            _flaps.Reset();
            _reportedUnhealthy = false;
            _deferralReported = false;
            _impossibleReported = false;
        }

        private void ReportProbeProblem(HealthSample sample, long now)
        {
            ProbeFailure failure = sample.Failure;
            bool counted = sample.ApiReachable || sample.ApiSilent;
            if (counted)
            {
                _lastReportedProblem = ProbeFailure.None;
                return;
            }

            if (failure != _lastReportedProblem)
            {
                _lastReportedProblem = failure;
                Emit(DecisionCode.ProbeProblem, DecisionText.ProbeProblem(sample), now);
            }
        }

        // A router that answers but cannot be used is not watched: say so once it has lasted, remind
        // like a given-up router, and say when it ends. Unreachable rounds are not blindness: they
        // count towards an action.
        private void TrackBlindness(HealthSample sample, long now)
        {
            if (_state == PolicyState.Maintenance || _state == PolicyState.GivenUp)
            {
                // A hold or a given-up router has its own decisions and reminders: blindness
                // starts over after it.
                _blindRounds = 0;
                return;
            }

            bool blind = !sample.ApiReachable && !sample.ApiSilent;
            int limit = _config.BlindRoundsBeforeReport;
            if (!blind)
            {
                if (_blindRounds >= limit)
                {
                    Emit(DecisionCode.BlindEnded, sample.ApiReachable ? "the API is usable again" : "the API is silent now (counted)", now);
                }

                _blindRounds = 0;
                return;
            }

            if (_blindRounds < int.MaxValue)
            {
                _blindRounds++;
            }

            if (_blindRounds == limit)
            {
                _lastBlindReminderAtMs = now;
                Emit(DecisionCode.Blind, limit.ToString() + " rounds without a usable API (" + DecisionText.ProbeProblem(sample) + "): not watched until fixed", now);
            }
            else if (_blindRounds > limit && now - _lastBlindReminderAtMs >= _config.GivenUpReminderMilliseconds)
            {
                _lastBlindReminderAtMs = now;
                Emit(DecisionCode.BlindReminder, "still no usable API: " + DecisionText.ProbeProblem(sample), now);
            }
        }

        // Report-only findings are said once when they appear and once when they clear; a round
        // without the API says nothing about them.
        private void ReportOnlyFindings(HealthSample sample, long now)
        {
            if (!sample.ApiReachable || _health.ReportOnlyFailing == _reportOnlyShown)
            {
                return;
            }

            _reportOnlyShown = _health.ReportOnlyFailing;
            if (_reportOnlyShown)
            {
                Emit(DecisionCode.ReportOnlyFinding, _health.Findings(sample, true) + " (report only)", now);
            }
            else
            {
                Emit(DecisionCode.ReportOnlyCleared, string.Empty, now);
            }
        }

        private void Emit(DecisionCode code, string reason, long now)
        {
            _log.Emit(code, reason, now);
        }
    }
}
