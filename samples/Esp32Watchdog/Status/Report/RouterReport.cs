using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Status.Report
{
    /// <summary>
    /// What the status endpoint knows about one router: its policy's state as of the last
    /// watch-loop pass, the last probe round's values, the last decision and running counts.
    /// Allocated once per router; updated under <see cref="WatchdogStatus.SyncRoot"/>.
    /// </summary>
    public sealed class RouterReport
    {
        private readonly int[] _pingLossPercent;

        internal RouterReport(string name, int pingTargets)
        {
            Name = name;
            _pingLossPercent = new int[pingTargets];
            CpuLoadPercent = -1;
            FreeMemoryBytes = -1;
            TotalMemoryBytes = -1;
            UptimeSeconds = -1;
            for (int i = 0; i < pingTargets; i++)
            {
                _pingLossPercent[i] = -1;
            }
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

        /// <summary>cpu-load in percent, or -1.</summary>
        public int CpuLoadPercent { get; internal set; }

        /// <summary>free-memory in bytes, or -1.</summary>
        public long FreeMemoryBytes { get; internal set; }

        /// <summary>total-memory in bytes, or -1.</summary>
        public long TotalMemoryBytes { get; internal set; }

        /// <summary>The router's uptime in seconds, or -1.</summary>
        public long UptimeSeconds { get; internal set; }

        /// <summary>Watched interfaces not running in the last round.</summary>
        public int InterfacesNotRunning { get; internal set; }

        /// <summary>Number of ping targets.</summary>
        public int PingTargetCount
        {
            get { return _pingLossPercent.Length; }
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

        /// <summary>Packet loss to a ping target in the last round, or -1.</summary>
        /// <param name="index">0 .. <see cref="PingTargetCount"/> - 1.</param>
        /// <returns>0..100 or -1.</returns>
        public int GetPingLoss(int index)
        {
            return _pingLossPercent[index];
        }

        internal void CopyPolicy(RouterPolicy policy, long nowMilliseconds)
        {
            State = policy.State;
            Condition = policy.Condition;
            Paused = policy.IsPaused;
            UnhealthyStreak = policy.UnhealthyStreak;
            ActionsInWindow = policy.ActionsInWindow(nowMilliseconds);
        }

        internal void CopySample(HealthSample sample, long nowMilliseconds)
        {
            HasSample = true;
            SampleAtMilliseconds = nowMilliseconds;
            ApiReachable = sample.ApiReachable;
            Failure = sample.Failure;
            CpuLoadPercent = sample.CpuLoadPercent;
            FreeMemoryBytes = sample.FreeMemoryBytes;
            TotalMemoryBytes = sample.TotalMemoryBytes;
            UptimeSeconds = sample.UptimeSeconds;
            InterfacesNotRunning = sample.InterfacesNotRunningCount;
            for (int i = 0; i < _pingLossPercent.Length; i++)
            {
                _pingLossPercent[i] = i < sample.PingTargetCount ? sample.GetPingLoss(i) : -1;
            }

            Probes++;
            if (!sample.ApiReachable)
            {
                ProbeFailures++;
            }
        }
    }
}
