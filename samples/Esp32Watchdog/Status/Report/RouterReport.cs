using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Status.Report
{
    /// <summary>
    /// What the status endpoint knows about one router: its policy's state as of the last
    /// watch-loop pass, the last probe round's values and which checks failed, the last decision
    /// and running counts.
    /// Allocated once per router; updated under <see cref="WatchdogStatus.SyncRoot"/>.
    /// </summary>
    public sealed class RouterReport
    {
        private static readonly IHealthCheck[] NoChecks = new IHealthCheck[0];

        private IHealthCheck[] _checks = NoChecks;
        private bool[] _failing = new bool[0];
        private HealthSample _lastRound = new HealthSample(new ProbeRequest());

        internal RouterReport(string name)
        {
            Name = name;
            UptimeSeconds = -1;
        }

        /// <summary>The router's configured name.</summary>
        public string Name { get; }

        /// <summary>The policy's state.</summary>
        public PolicyState State { get; internal set; }

        /// <summary>The router's condition as the LED shows it.</summary>
        public RouterCondition Condition { get; internal set; }

        /// <summary>True while the board's own network is down (the policy is paused).</summary>
        public bool Paused { get; internal set; }

        /// <summary>Consecutive unhealthy rounds.</summary>
        public int UnhealthyStreak { get; internal set; }

        /// <summary>Actions (API reboots and power-cycles) in the sliding window.</summary>
        public int ActionsInWindow { get; internal set; }

        /// <summary>True once a probe round was recorded.</summary>
        public bool HasSample { get; internal set; }

        /// <summary>Monotonic time of the last probe round.</summary>
        public long SampleAtMilliseconds { get; internal set; }

        /// <summary>Whether the API answered in the last round.</summary>
        public bool ApiReachable { get; internal set; }

        /// <summary>Why the API could not be used in the last round.</summary>
        public ProbeFailure Failure { get; internal set; }

        /// <summary>The router's uptime in seconds, or -1.</summary>
        public long UptimeSeconds { get; internal set; }

        /// <summary>The router's health checks (their fields are written from <see cref="LastRound"/>).</summary>
        public IHealthCheck[] Checks
        {
            get { return _checks; }
        }

        /// <summary>A copy of the last round's values, taken under the lock, for the checks' fields.</summary>
        public IProbedValues LastRound
        {
            get { return _lastRound; }
        }

        /// <summary>The last decision about this router, or null.</summary>
        public Decision LastDecision { get; internal set; }

        /// <summary>Probe rounds recorded.</summary>
        public long Probes { get; internal set; }

        /// <summary>Probe rounds in which the API could not be used.</summary>
        public long ProbeFailures { get; internal set; }

        /// <summary>Decisions made about this router.</summary>
        public long Decisions { get; internal set; }

        /// <summary>API reboots requested.</summary>
        public long Reboots { get; internal set; }

        /// <summary>Power-cycles requested.</summary>
        public long PowerCycles { get; internal set; }

        /// <summary>Times the watchdog gave up on this router.</summary>
        public long GiveUps { get; internal set; }

        /// <summary>Whether a check failed in the last evaluated round.</summary>
        /// <param name="index">Index into <see cref="Checks"/>.</param>
        /// <returns>True when it failed.</returns>
        public bool IsFailing(int index)
        {
            return _failing[index];
        }

        // Allocated once, when the router is put together: room for its checks and a copy of its sample.
        internal void Watch(IHealthCheck[] checks, ProbeRequest request)
        {
            _checks = checks;
            _failing = new bool[checks.Length];
            _lastRound = new HealthSample(request);
        }

        internal void CopyPolicy(RouterPolicy policy, long nowMilliseconds)
        {
            State = policy.State;
            Condition = policy.Condition;
            Paused = policy.IsPaused;
            UnhealthyStreak = policy.UnhealthyStreak;
            ActionsInWindow = policy.ActionsInWindow(nowMilliseconds);
            HealthEvaluator health = policy.Health;
            for (int i = 0; i < _failing.Length && i < health.Checks.Length; i++)
            {
                _failing[i] = health.IsFailing(i);
            }
        }

        internal void CopySample(HealthSample sample, long nowMilliseconds)
        {
            HasSample = true;
            SampleAtMilliseconds = nowMilliseconds;
            ApiReachable = sample.ApiReachable;
            Failure = sample.Failure;
            UptimeSeconds = sample.UptimeSeconds;
            if (sample.Request == _lastRound.Request)
            {
                _lastRound.CopyFrom(sample);
            }

            Probes++;
            if (!sample.ApiReachable)
            {
                ProbeFailures++;
            }
        }
    }
}
