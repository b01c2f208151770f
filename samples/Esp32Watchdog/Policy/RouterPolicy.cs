using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Supervision;

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
    /// </remarks>
    public sealed class RouterPolicy
    {
        // Transitions closer together than this many probe intervals count as one burst.
        private const int FlapGapIntervals = 3;

        // Transitions in one burst that make a router "flapping".
        private const int FlapTransitions = 4;

        private readonly WatchdogConfig _config;
        private readonly RouterConfig _router;
        private readonly int _index;
        private readonly bool _hasRelay;
        private readonly IDecisionLog _log;
        private readonly long[] _actionTimes;

        private RouterState _state;
        private HealthFindings _lastFindings;
        private int _unhealthyStreak;
        private int _unreachableStreak;
        private int _cpuHighStreak;
        private bool _reportedUnhealthy;
        private long _healthySinceMs;
        private long _lastUptimeSeconds;
        private long _lastUptimeAtMs;
        private int _consecutiveActions;
        private long _lastActionAtMs;
        private bool _deferralReported;
        private bool _impossibleReported;
        private long _actionStartedAtMs;
        private long _pausedSinceMs;
        private long _startedAtMs;
        private bool _graceReported;
        private long _maintenanceEndsAtMs;
        private long _lastReminderAtMs;
        private ProbeFailure _lastReportedProblem;
        private long _lastTransitionAtMs;
        private int _transitionBurst;
        private bool _flapping;
        private bool _flagSeen;
        private bool _holdByFlag;

        /// <summary>Creates the policy of one router, in <see cref="RouterState.Monitoring"/>.</summary>
        /// <param name="config">The watchdog configuration (thresholds and limits).</param>
        /// <param name="routerIndex">Index of the router in <see cref="WatchdogConfig.Routers"/>.</param>
        /// <param name="hasRelay">Whether a relay can cut this router's power.</param>
        /// <param name="log">Where decisions go.</param>
        public RouterPolicy(WatchdogConfig config, int routerIndex, bool hasRelay, IDecisionLog log)
        {
            _config = config;
            _router = config.Routers[routerIndex];
            _index = routerIndex;
            _hasRelay = hasRelay;
            _log = log;
            _actionTimes = new long[config.MaxActionsPerWindow];
            for (int i = 0; i < _actionTimes.Length; i++)
            {
                _actionTimes[i] = long.MinValue;
            }

            _state = RouterState.Monitoring;
            _healthySinceMs = -1;
            _lastUptimeSeconds = -1;
            _pausedSinceMs = -1;
            _startedAtMs = long.MinValue;
            _lastTransitionAtMs = long.MinValue;
        }

        /// <summary>The current state.</summary>
        public RouterState State
        {
            get { return _state; }
        }

        /// <summary>The findings of the last evaluated round.</summary>
        public HealthFindings LastFindings
        {
            get { return _lastFindings; }
        }

        /// <summary>Consecutive unhealthy rounds so far (0 after a healthy round).</summary>
        public int UnhealthyStreak
        {
            get { return _unhealthyStreak; }
        }

        /// <summary>Actions since the router was last healthy for <see cref="WatchdogConfig.HealthyResetMilliseconds"/>; drives the back-off.</summary>
        public int ConsecutiveActions
        {
            get { return _consecutiveActions; }
        }

        /// <summary>True while the board's network is down (the policy is paused).</summary>
        public bool IsPaused
        {
            get { return _pausedSinceMs >= 0; }
        }

        /// <summary>The router's condition for the status LED.</summary>
        public RouterStatus Status
        {
            get
            {
                switch (_state)
                {
                    case RouterState.GivenUp: return RouterStatus.GivenUp;
                    case RouterState.Maintenance: return RouterStatus.Maintenance;
                    case RouterState.VerifyingReboot: return RouterStatus.Acting;
                    case RouterState.VerifyingPowerCycle: return RouterStatus.Acting;
                    default: return _lastFindings == HealthFindings.None ? RouterStatus.Healthy : RouterStatus.Degraded;
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
            HealthFindings findings = Evaluate(sample);
            _lastFindings = findings;
            bool uptimeWentBack = TrackUptime(sample, now);

            switch (_state)
            {
                case RouterState.VerifyingReboot:
                case RouterState.VerifyingPowerCycle:
                    return Verify(sample, uptimeWentBack, now);

                case RouterState.Maintenance:
                    if (uptimeWentBack)
                    {
                        Emit(DecisionCode.RouterRebootedOnItsOwn, "during maintenance", now);
                    }

                    UpdateStreaks(findings, sample, now, false);
                    return PolicyAction.None;

                case RouterState.GivenUp:
                    if (uptimeWentBack)
                    {
                        Emit(DecisionCode.RouterRebootedOnItsOwn, "uptime went backwards", now);
                    }

                    UpdateStreaks(findings, sample, now, false);
                    return PolicyAction.None;

                default:
                    if (uptimeWentBack)
                    {
                        Emit(DecisionCode.RouterRebootedOnItsOwn, "uptime went backwards", now);
                    }

                    UpdateStreaks(findings, sample, now, true);
                    return Decide(findings, sample, now);
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
                _unhealthyStreak = 0;
                _unreachableStreak = 0;
                _cpuHighStreak = 0;
                _healthySinceMs = -1;
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
            if (_state != RouterState.VerifyingReboot)
            {
                return PolicyAction.None;
            }

            if (result == RebootResult.Rebooting)
            {
                _actionStartedAtMs = nowMilliseconds;
                Emit(DecisionCode.RebootAccepted, "the router is rebooting; waiting for it to come back", nowMilliseconds);
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
            if (_state != RouterState.VerifyingPowerCycle)
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
            BeginHold(durationMilliseconds, "by hand", nowMilliseconds);
        }

        private void BeginHold(long durationMilliseconds, string source, long nowMilliseconds)
        {
            long duration = durationMilliseconds <= 0 ? _config.MaintenanceDefaultMilliseconds : durationMilliseconds;
            if (duration > _config.MaintenanceMaxMilliseconds)
            {
                duration = _config.MaintenanceMaxMilliseconds;
            }

            _holdByFlag = false;
            _state = RouterState.Maintenance;
            _maintenanceEndsAtMs = nowMilliseconds + duration;
            ResetStreaks();
            Emit(DecisionCode.MaintenanceStarted, source + ", for " + (duration / 60000).ToString() + " min", nowMilliseconds);
        }

        /// <summary>Ends a maintenance hold early. Does nothing outside maintenance.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void EndMaintenance(long nowMilliseconds)
        {
            if (_state == RouterState.Maintenance)
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
            if (_state != RouterState.GivenUp)
            {
                return;
            }

            for (int i = 0; i < _actionTimes.Length; i++)
            {
                _actionTimes[i] = long.MinValue;
            }

            _consecutiveActions = 0;
            _state = RouterState.Monitoring;
            ResetStreaks();
            Emit(DecisionCode.GivenUpCleared, "acknowledged", nowMilliseconds);
        }

        /// <summary>
        /// Restores the action history kept across a board reset (see <c>IActionHistoryStore</c>):
        /// the rate limit and the back-off count those actions as if the board had never restarted.
        /// Call once, before the first probe.
        /// </summary>
        /// <param name="agesMilliseconds">How long ago each remembered action was taken (0 when unknown: counted as recent).</param>
        /// <param name="count">How many entries of <paramref name="agesMilliseconds"/> are valid.</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void RestoreActions(long[] agesMilliseconds, int count, long nowMilliseconds)
        {
            for (int i = 0; i < count && i < agesMilliseconds.Length; i++)
            {
                long age = agesMilliseconds[i] < 0 ? 0 : agesMilliseconds[i];
                long at = nowMilliseconds - age;
                if (age >= _config.ActionWindowMilliseconds)
                {
                    continue;
                }

                int oldest = 0;
                for (int k = 1; k < _actionTimes.Length; k++)
                {
                    if (_actionTimes[k] < _actionTimes[oldest])
                    {
                        oldest = k;
                    }
                }

                if (_actionTimes[oldest] < at)
                {
                    _actionTimes[oldest] = at;
                }

                _consecutiveActions++;
                if (_consecutiveActions == 1 || at > _lastActionAtMs)
                {
                    _lastActionAtMs = at;
                }
            }
        }

        /// <summary>How many actions fall in the sliding window ending now.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>0 .. <see cref="WatchdogConfig.MaxActionsPerWindow"/>.</returns>
        public int ActionsInWindow(long nowMilliseconds)
        {
            int count = 0;
            long since = nowMilliseconds - _config.ActionWindowMilliseconds;
            for (int i = 0; i < _actionTimes.Length; i++)
            {
                if (_actionTimes[i] != long.MinValue && _actionTimes[i] > since)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>The back-off that must pass after the n-th consecutive action (base, doubled each time, capped).</summary>
        /// <param name="consecutiveActions">Actions so far (1 = after the first).</param>
        /// <returns>Milliseconds; 0 when no action was taken.</returns>
        public long BackoffAfter(int consecutiveActions)
        {
            if (consecutiveActions <= 0)
            {
                return 0;
            }

            long backoff = _config.BackoffBaseMilliseconds;
            for (int i = 1; i < consecutiveActions && backoff < _config.BackoffMaxMilliseconds; i++)
            {
                backoff *= 2;
            }

            return backoff > _config.BackoffMaxMilliseconds ? _config.BackoffMaxMilliseconds : backoff;
        }

        private void CheckTimers(long now)
        {
            if (_state == RouterState.Maintenance && now >= _maintenanceEndsAtMs)
            {
                EndMaintenance("hold expired", now);
            }
            else if (_state == RouterState.GivenUp && now - _lastReminderAtMs >= _config.GivenUpReminderMilliseconds)
            {
                _lastReminderAtMs = now;
                Emit(DecisionCode.GivenUpReminder, "needs a human: " + FindingsText(_lastFindings, null), now);
            }
        }

        // The router-side trigger: a flag (script) that appears starts a hold, one that goes away
        // ends the hold it started. Edge-triggered, so a forgotten flag cannot renew the hold
        // forever: once the hold expires, the flag must be removed and added again.
        private void FollowMaintenanceFlag(HealthSample sample, long now)
        {
            if (!sample.ApiReachable)
            {
                return;
            }

            if (sample.MaintenanceRequested && !_flagSeen)
            {
                _flagSeen = true;
                BeginHold((long)sample.MaintenanceMinutes * 60000, "router flag", now);
                _holdByFlag = true;
            }
            else if (!sample.MaintenanceRequested && _flagSeen)
            {
                _flagSeen = false;
                if (_holdByFlag && _state == RouterState.Maintenance)
                {
                    EndMaintenance("router flag removed", now);
                }

                _holdByFlag = false;
            }
        }

        private void EndMaintenance(string reason, long now)
        {
            _state = RouterState.Monitoring;
            ResetStreaks();
            Emit(DecisionCode.MaintenanceEnded, reason, now);
        }

        private HealthFindings Evaluate(HealthSample sample)
        {
            HealthFindings findings = HealthFindings.None;
            if (!sample.ApiReachable)
            {
                // Only silence counts. A refusal (login, certificate) or a board-side error proves
                // nothing about the router's health.
                if (sample.Failure == ProbeFailure.ConnectFailed || sample.Failure == ProbeFailure.Timeout)
                {
                    findings |= HealthFindings.ApiUnreachable;
                }

                // Unknown CPU: the streak neither grows nor restarts.
                if (_cpuHighStreak >= _config.CpuLoadConsecutiveSamples)
                {
                    findings |= HealthFindings.CpuLoadHigh;
                }

                return findings;
            }

            if (sample.CpuLoadPercent >= 0)
            {
                if (sample.CpuLoadPercent >= _config.CpuLoadThresholdPercent)
                {
                    _cpuHighStreak++;
                }
                else
                {
                    _cpuHighStreak = 0;
                }
            }

            if (_cpuHighStreak >= _config.CpuLoadConsecutiveSamples)
            {
                findings |= HealthFindings.CpuLoadHigh;
            }

            if (_config.MinFreeMemoryPercent > 0 && sample.TotalMemoryBytes > 0 && sample.FreeMemoryBytes >= 0
                && sample.FreeMemoryBytes * 100 < sample.TotalMemoryBytes * _config.MinFreeMemoryPercent)
            {
                findings |= HealthFindings.LowMemory;
            }

            if (sample.InterfacesNotRunningCount > 0)
            {
                findings |= HealthFindings.InterfaceDown;
            }

            for (int i = 0; i < sample.PingTargetCount; i++)
            {
                if (sample.GetPingLoss(i) > _config.MaxPingLossPercent)
                {
                    findings |= HealthFindings.PingLoss;
                    break;
                }
            }

            return findings;
        }

        // Returns true when the router restarted since the last known uptime. The expected uptime
        // grows with our clock; a reading clearly below it means the router started over, even
        // when the outage was long enough for the new uptime to exceed the old one.
        private bool TrackUptime(HealthSample sample, long now)
        {
            if (!sample.ApiReachable || sample.UptimeSeconds < 0)
            {
                return false;
            }

            bool wentBack = false;
            if (_lastUptimeSeconds >= 0)
            {
                long elapsedSeconds = (now - _lastUptimeAtMs) / 1000;
                if (elapsedSeconds < 0)
                {
                    elapsedSeconds = 0;
                }

                long expected = _lastUptimeSeconds + elapsedSeconds;
                // Slack for where in the probe the uptime was read, clock drift, and rounding.
                long tolerance = 30 + (elapsedSeconds / 100) + (_config.ProbeTimeoutMilliseconds / 1000);
                wentBack = sample.UptimeSeconds + tolerance < expected;
            }

            _lastUptimeSeconds = sample.UptimeSeconds;
            _lastUptimeAtMs = now;
            return wentBack;
        }

        private void UpdateStreaks(HealthFindings findings, HealthSample sample, long now, bool report)
        {
            bool healthy = findings == HealthFindings.None;
            bool wasHealthy = _unhealthyStreak == 0;
            if (healthy)
            {
                _unhealthyStreak = 0;
                _unreachableStreak = 0;
                _deferralReported = false;
                _impossibleReported = false;
                if (_healthySinceMs < 0)
                {
                    _healthySinceMs = now;
                }

                if (now - _healthySinceMs >= _config.HealthyResetMilliseconds)
                {
                    _consecutiveActions = 0;
                }
            }
            else
            {
                _unhealthyStreak++;
                _unreachableStreak = (findings & HealthFindings.ApiUnreachable) != 0 ? _unreachableStreak + 1 : 0;
                _healthySinceMs = -1;
            }

            if (healthy == wasHealthy)
            {
                return;
            }

            // A transition: track bursts so that a flapping router fills no log.
            if (_lastTransitionAtMs != long.MinValue
                && now - _lastTransitionAtMs <= (long)FlapGapIntervals * _config.ProbeIntervalMilliseconds)
            {
                _transitionBurst++;
            }
            else
            {
                _transitionBurst = 1;
                _flapping = false;
            }

            _lastTransitionAtMs = now;
            if (!report)
            {
                _reportedUnhealthy = !healthy;
                return;
            }

            if (!_flapping && _transitionBurst >= FlapTransitions)
            {
                _flapping = true;
                Emit(DecisionCode.Flapping, "health alternating; muted until it settles", now);
            }

            if (_flapping)
            {
                _reportedUnhealthy = !healthy;
                return;
            }

            if (!healthy && !_reportedUnhealthy)
            {
                _reportedUnhealthy = true;
                Emit(DecisionCode.HealthDegraded, FindingsText(findings, sample), now);
            }
            else if (healthy && _reportedUnhealthy)
            {
                _reportedUnhealthy = false;
                Emit(DecisionCode.HealthRestored, string.Empty, now);
            }
        }

        private PolicyAction Decide(HealthFindings findings, HealthSample sample, long now)
        {
            if (findings == HealthFindings.None)
            {
                return PolicyAction.None;
            }

            bool apiDead = (findings & HealthFindings.ApiUnreachable) != 0;
            if (apiDead)
            {
                if (_unreachableStreak < _config.UnreachableRoundsBeforePowerCycle)
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
            else if (_unhealthyStreak < _config.UnhealthyRoundsBeforeAction)
            {
                return PolicyAction.None;
            }

            if (ActionsInWindow(now) >= _config.MaxActionsPerWindow)
            {
                GiveUp(_config.MaxActionsPerWindow.ToString() + " actions in " + (_config.ActionWindowMilliseconds / 60000).ToString() + " min; still: " + FindingsText(findings, sample), now);
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

            long backoff = BackoffAfter(_consecutiveActions);
            if (_consecutiveActions > 0 && now - _lastActionAtMs < backoff)
            {
                if (!_deferralReported)
                {
                    _deferralReported = true;
                    long left = (_lastActionAtMs + backoff - now) / 1000;
                    Emit(DecisionCode.ActionDeferred, "back-off: " + left.ToString() + " s left", now);
                }

                return PolicyAction.None;
            }

            string reason = FindingsText(findings, sample);
            return apiDead ? StartPowerCycle(reason, now) : StartReboot(reason, now);
        }

        private PolicyAction Verify(HealthSample sample, bool uptimeWentBack, long now)
        {
            long elapsed = now - _actionStartedAtMs;
            bool answered = sample.ApiReachable
                || (sample.Failure != ProbeFailure.ConnectFailed && sample.Failure != ProbeFailure.Timeout);
            bool uptimeKnown = sample.ApiReachable && sample.UptimeSeconds >= 0;
            bool restarted = uptimeKnown
                && (uptimeWentBack || sample.UptimeSeconds * 1000 <= elapsed + _config.ProbeTimeoutMilliseconds);
            bool powerCycle = _state == RouterState.VerifyingPowerCycle;
            long limit = powerCycle ? _config.PowerCycleVerifyTimeoutMilliseconds : _config.RebootVerifyTimeoutMilliseconds;

            if (!sample.ApiReachable && sample.Failure == ProbeFailure.ProbeError)
            {
                // The board could not probe: no evidence either way, and never a reason to cut
                // power. Give up verifying only when the deadline has passed.
                if (elapsed >= limit)
                {
                    Emit(DecisionCode.VerificationFailed, "probe error, cannot verify", now);
                    AfterAction();
                }

                return PolicyAction.None;
            }

            if (restarted)
            {
                Emit(DecisionCode.RecoveryVerified, "back after " + (elapsed / 1000).ToString() + " s, uptime " + sample.UptimeSeconds.ToString() + " s", now);
                AfterAction();
                return PolicyAction.None;
            }

            if (answered)
            {
                if (powerCycle && uptimeKnown)
                {
                    // After a real power cut the uptime must be small: the relay did nothing, or
                    // cut another router's power. Repeating it can only do harm: a human is needed.
                    Emit(DecisionCode.VerificationFailed, "power-cycle had no effect (uptime " + sample.UptimeSeconds.ToString() + " s): check the relay", now);
                    GiveUp("relay miswired or not switching: power-cycle had no effect", now);
                    return PolicyAction.None;
                }

                if (elapsed >= limit)
                {
                    Emit(DecisionCode.VerificationFailed, uptimeKnown ? "uptime did not reset" : "uptime unknown", now);
                    AfterAction();
                }

                return PolicyAction.None;
            }

            if (powerCycle)
            {
                if (elapsed >= _config.PowerCycleVerifyTimeoutMilliseconds)
                {
                    Emit(DecisionCode.PowerCycleVerificationFailed, "API not back after " + (elapsed / 1000).ToString() + " s", now);
                    AfterAction();
                }

                return PolicyAction.None;
            }

            if (elapsed >= _config.PowerCycleAfterMilliseconds)
            {
                return Fallback("API not back " + (elapsed / 1000).ToString() + " s after reboot", now);
            }

            return PolicyAction.None;
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

            if (ActionsInWindow(now) >= _config.MaxActionsPerWindow)
            {
                GiveUp(reason + "; rate limit reached", now);
                return PolicyAction.None;
            }

            return StartPowerCycle(reason, now);
        }

        private PolicyAction StartReboot(string reason, long now)
        {
            RecordAction(now);
            _state = RouterState.VerifyingReboot;
            Emit(DecisionCode.RebootRequested, reason, now);
            return PolicyAction.RebootViaApi;
        }

        private PolicyAction StartPowerCycle(string reason, long now)
        {
            RecordAction(now);
            _state = RouterState.VerifyingPowerCycle;
            Emit(DecisionCode.PowerCycleRequested, reason, now);
            return PolicyAction.PowerCycle;
        }

        private void RecordAction(long now)
        {
            int oldest = 0;
            for (int i = 1; i < _actionTimes.Length; i++)
            {
                if (_actionTimes[i] < _actionTimes[oldest])
                {
                    oldest = i;
                }
            }

            _actionTimes[oldest] = now;
            _consecutiveActions++;
            _lastActionAtMs = now;
            _actionStartedAtMs = now;
            _deferralReported = false;
        }

        private void AfterAction()
        {
            _state = RouterState.Monitoring;
            ResetStreaks();
        }

        private void GiveUp(string reason, long now)
        {
            _state = RouterState.GivenUp;
            _lastReminderAtMs = now;
            ResetStreaks();
            Emit(DecisionCode.GivenUp, reason, now);
        }

        private void ResetStreaks()
        {
            _unhealthyStreak = 0;
            _unreachableStreak = 0;
            _cpuHighStreak = 0;
            _healthySinceMs = -1;
            _reportedUnhealthy = false;
            _deferralReported = false;
            _impossibleReported = false;
            _transitionBurst = 0;
            _flapping = false;
            _lastTransitionAtMs = long.MinValue;
        }

        private void ReportProbeProblem(HealthSample sample, long now)
        {
            ProbeFailure failure = sample.Failure;
            bool counted = failure == ProbeFailure.None || failure == ProbeFailure.ConnectFailed || failure == ProbeFailure.Timeout;
            if (counted)
            {
                _lastReportedProblem = ProbeFailure.None;
                return;
            }

            if (failure != _lastReportedProblem)
            {
                _lastReportedProblem = failure;
                Emit(DecisionCode.ProbeProblem, FailureText(failure) + (sample.FailureDetail == null ? string.Empty : ": " + sample.FailureDetail) + " (not counted)", now);
            }
        }

        private string FindingsText(HealthFindings findings, HealthSample sample)
        {
            if (findings == HealthFindings.None)
            {
                return "healthy";
            }

            string text = string.Empty;
            if ((findings & HealthFindings.ApiUnreachable) != 0)
            {
                text = Append(text, "API unreachable" + (sample == null ? string.Empty : " (" + FailureText(sample.Failure) + ")"));
            }

            if ((findings & HealthFindings.CpuLoadHigh) != 0)
            {
                text = Append(text, "cpu-load >= " + _config.CpuLoadThresholdPercent.ToString() + "% for " + _cpuHighStreak.ToString() + " samples");
            }

            if ((findings & HealthFindings.LowMemory) != 0)
            {
                text = Append(text, "free memory below " + _config.MinFreeMemoryPercent.ToString() + "%");
            }

            if ((findings & HealthFindings.InterfaceDown) != 0)
            {
                string names = string.Empty;
                if (sample != null)
                {
                    for (int i = 0; i < sample.InterfacesNotRunningCount; i++)
                    {
                        names = names + (i == 0 ? " " : ",") + sample.GetInterfaceNotRunning(i);
                    }
                }

                text = Append(text, "not running:" + (names.Length == 0 ? " interfaces" : names));
            }

            if ((findings & HealthFindings.PingLoss) != 0)
            {
                string lost = string.Empty;
                if (sample != null)
                {
                    for (int i = 0; i < sample.PingTargetCount && i < _router.PingTargets.Length; i++)
                    {
                        int loss = sample.GetPingLoss(i);
                        if (loss > _config.MaxPingLossPercent)
                        {
                            lost = lost + (lost.Length == 0 ? " " : ",") + _router.PingTargets[i] + " " + loss.ToString() + "%";
                        }
                    }
                }

                text = Append(text, "ping loss" + (lost.Length == 0 ? " above " + _config.MaxPingLossPercent.ToString() + "%" : lost));
            }

            return text;
        }

        private static string Append(string text, string part)
        {
            return text.Length == 0 ? part : text + "; " + part;
        }

        private static string FailureText(ProbeFailure failure)
        {
            switch (failure)
            {
                case ProbeFailure.None: return "ok";
                case ProbeFailure.ConnectFailed: return "connect failed";
                case ProbeFailure.Timeout: return "timeout";
                case ProbeFailure.TlsRejected: return "TLS rejected";
                case ProbeFailure.LoginRejected: return "login rejected";
                case ProbeFailure.ProtocolError: return "protocol error";
                default: return "probe error";
            }
        }

        private void Emit(DecisionCode code, string reason, long now)
        {
            _log.Record(new Decision(code, _index, _router.Name, reason, now));
        }
    }
}
