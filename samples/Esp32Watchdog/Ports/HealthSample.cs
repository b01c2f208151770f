namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// The result of one probe round against one router. One instance per router is allocated at
    /// start and reused every round (<see cref="Reset"/>), so a healthy round allocates nothing.
    /// </summary>
    /// <remarks>
    /// Unknown numbers are -1 (a probe that failed half-way fills what it got). A probe fills it in
    /// this order: <see cref="MarkLoggedIn"/> or <see cref="MarkFailed"/>, then the values.
    /// </remarks>
    public sealed class HealthSample
    {
        // object[], not string[]: on nanoCLR an unassigned string[] element is not a real null and
        // crashes string comparisons; object[] elements start as real nulls.
        private readonly object[] _interfacesNotRunning;
        private readonly int[] _pingLossPercent;
        private int _interfacesNotRunningCount;

        /// <summary>Creates a sample sized for one router (see <c>RouterConfig.CreateSample</c>).</summary>
        /// <param name="interfaces">How many watched interfaces may be found not running.</param>
        /// <param name="targets">How many ping targets the router pings.</param>
        public HealthSample(int interfaces, int targets)
        {
            _interfacesNotRunning = new object[interfaces];
            _pingLossPercent = new int[targets];
            Reset();
        }

        /// <summary>True when the API answered and the login succeeded.</summary>
        public bool ApiReachable { get; private set; }

        /// <summary>Why the API could not be used; <see cref="ProbeFailure.None"/> when it could.</summary>
        public ProbeFailure Failure { get; private set; }

        /// <summary>A short detail of the failure (e.g. the trap message), or null.</summary>
        public string FailureDetail { get; private set; }

        /// <summary>cpu-load in percent, or -1 when unknown.</summary>
        public int CpuLoadPercent { get; set; }

        /// <summary>free-memory in bytes, or -1 when unknown.</summary>
        public long FreeMemoryBytes { get; set; }

        /// <summary>total-memory in bytes, or -1 when unknown.</summary>
        public long TotalMemoryBytes { get; set; }

        /// <summary>Router uptime in seconds (see <see cref="Mikrotik.Nano.RouterOsValue.TryParseDuration"/>), or -1 when unknown.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>True when the router carries the maintenance flag (a hold is requested router-side).</summary>
        public bool MaintenanceRequested { get; set; }

        /// <summary>The hold the flag asks for, in minutes; 0 for the configured default.</summary>
        public int MaintenanceMinutes { get; set; }

        /// <summary>How many watched interfaces were not running (or missing).</summary>
        public int InterfacesNotRunningCount
        {
            get { return _interfacesNotRunningCount; }
        }

        /// <summary>How many ping targets the sample has room for (the router's configured targets).</summary>
        public int PingTargetCount
        {
            get { return _pingLossPercent.Length; }
        }

        /// <summary>Clears the sample for a new round: everything unknown, API not reached.</summary>
        public void Reset()
        {
            ApiReachable = false;
            Failure = ProbeFailure.ProbeError;
            FailureDetail = null;
            CpuLoadPercent = -1;
            FreeMemoryBytes = -1;
            TotalMemoryBytes = -1;
            UptimeSeconds = -1;
            MaintenanceRequested = false;
            MaintenanceMinutes = 0;
            for (int i = 0; i < _interfacesNotRunningCount; i++)
            {
                _interfacesNotRunning[i] = null;
            }

            _interfacesNotRunningCount = 0;
            for (int i = 0; i < _pingLossPercent.Length; i++)
            {
                _pingLossPercent[i] = -1;
            }
        }

        /// <summary>Records that the API answered and the session is logged in.</summary>
        public void MarkLoggedIn()
        {
            ApiReachable = true;
            Failure = ProbeFailure.None;
            FailureDetail = null;
        }

        /// <summary>Records that the API could not be used.</summary>
        /// <param name="failure">Why; must not be <see cref="ProbeFailure.None"/>.</param>
        /// <param name="detail">A short detail, or null.</param>
        public void MarkFailed(ProbeFailure failure, string detail)
        {
            ApiReachable = false;
            Failure = failure == ProbeFailure.None ? ProbeFailure.ProbeError : failure;
            FailureDetail = detail;
        }

        /// <summary>
        /// Records a watched interface that is not running (or does not exist). Pass the configured
        /// name string, not a fresh copy, to keep the round free of allocations.
        /// </summary>
        /// <param name="name">The interface name.</param>
        /// <returns>False when more names were added than interfaces are watched.</returns>
        public bool AddInterfaceNotRunning(string name)
        {
            if (_interfacesNotRunningCount >= _interfacesNotRunning.Length)
            {
                return false;
            }

            _interfacesNotRunning[_interfacesNotRunningCount++] = name;
            return true;
        }

        /// <summary>The name of the <paramref name="index"/>-th interface found not running.</summary>
        /// <param name="index">0 .. <see cref="InterfacesNotRunningCount"/> - 1.</param>
        /// <returns>The name.</returns>
        public string GetInterfaceNotRunning(int index)
        {
            return (string)_interfacesNotRunning[index];
        }

        /// <summary>Records the packet loss to a ping target.</summary>
        /// <param name="targetIndex">Index into the router's configured ping targets.</param>
        /// <param name="lossPercent">0..100, or -1 for unknown.</param>
        public void SetPingLoss(int targetIndex, int lossPercent)
        {
            if (targetIndex >= 0 && targetIndex < _pingLossPercent.Length)
            {
                _pingLossPercent[targetIndex] = lossPercent < -1 ? -1 : (lossPercent > 100 ? 100 : lossPercent);
            }
        }

        /// <summary>The packet loss to a ping target, or -1 when unknown.</summary>
        /// <param name="targetIndex">Index into the router's configured ping targets.</param>
        /// <returns>0..100 or -1.</returns>
        public int GetPingLoss(int targetIndex)
        {
            return _pingLossPercent[targetIndex];
        }
    }
}
