namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// The result of one probe round against one router: whether the API could be used, the
    /// uptime and maintenance flag the policy follows, and the values the router's health checks
    /// asked for (<see cref="ProbeRequest"/>). One instance per router is allocated at start and
    /// reused every round (<see cref="Reset"/>), so a healthy round allocates nothing.
    /// </summary>
    /// <remarks>
    /// Unknown numbers are -1 (a probe that failed half-way fills what it got). A probe fills it in
    /// this order: <see cref="MarkLoggedIn"/> or <see cref="MarkFailed"/>, then the values.
    /// </remarks>
    public sealed class HealthSample : IProbedValues
    {
        private readonly long[] _resources;
        private readonly int[] _interfaces;
        private readonly int[] _pingLoss;

        /// <summary>Creates a sample with room for what <paramref name="request"/> asks for.</summary>
        /// <param name="request">What the router's checks declared (complete: later additions get no room).</param>
        public HealthSample(ProbeRequest request)
        {
            Request = request;
            _resources = new long[request.ResourceCount];
            _interfaces = new int[request.InterfaceCount];
            _pingLoss = new int[request.PingTargetCount];
            Reset();
        }

        /// <summary>What the probe fetches each round (names of the slots).</summary>
        public ProbeRequest Request { get; }

        /// <inheritdoc />
        public bool ApiReachable { get; private set; }

        /// <summary>
        /// The API was silent (connect failed or timed out): the only failure that can count
        /// against the router. A refusal (login, certificate, a second port that answers) or the
        /// board's own error proves nothing about its health.
        /// </summary>
        public bool ApiSilent
        {
            get { return !ApiReachable && (Failure == ProbeFailure.ConnectFailed || Failure == ProbeFailure.Timeout); }
        }

        /// <summary>Why the API could not be used; <see cref="ProbeFailure.None"/> when it could.</summary>
        public ProbeFailure Failure { get; private set; }

        /// <summary>A short detail of the failure (e.g. the trap message), or null.</summary>
        public string FailureDetail { get; private set; }

        /// <summary>Router uptime in seconds (see <see cref="Mikrotik.Nano.RouterOsValue.TryParseDuration"/>), or -1 when unknown.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>True when the router carries the maintenance flag (a hold is requested router-side).</summary>
        public bool MaintenanceRequested { get; set; }

        /// <summary>The hold the flag asks for, in minutes; 0 for the configured default.</summary>
        public int MaintenanceMinutes { get; set; }

        /// <summary>Clears the sample for a new round: everything unknown, API not reached.</summary>
        public void Reset()
        {
            ApiReachable = false;
            Failure = ProbeFailure.ProbeError;
            FailureDetail = null;
            UptimeSeconds = -1;
            MaintenanceRequested = false;
            MaintenanceMinutes = 0;
            for (int i = 0; i < _resources.Length; i++)
            {
                _resources[i] = -1;
            }

            for (int i = 0; i < _interfaces.Length; i++)
            {
                _interfaces[i] = -1;
            }

            for (int i = 0; i < _pingLoss.Length; i++)
            {
                _pingLoss[i] = -1;
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

        /// <inheritdoc />
        public long Resource(int slot)
        {
            return slot >= 0 && slot < _resources.Length ? _resources[slot] : -1;
        }

        /// <summary>Records a resource value.</summary>
        /// <param name="slot">Its slot in <see cref="Request"/>.</param>
        /// <param name="value">The value, or -1 for unknown.</param>
        public void SetResource(int slot, long value)
        {
            if (slot >= 0 && slot < _resources.Length)
            {
                _resources[slot] = value < -1 ? -1 : value;
            }
        }

        /// <inheritdoc />
        public int InterfaceRunning(int slot)
        {
            return slot >= 0 && slot < _interfaces.Length ? _interfaces[slot] : -1;
        }

        /// <summary>Records whether an interface is running (false also for disabled or missing).</summary>
        /// <param name="slot">Its slot in <see cref="Request"/>.</param>
        /// <param name="running">True when running.</param>
        public void SetInterfaceRunning(int slot, bool running)
        {
            if (slot >= 0 && slot < _interfaces.Length)
            {
                _interfaces[slot] = running ? 1 : 0;
            }
        }

        /// <inheritdoc />
        public int PingLoss(int slot)
        {
            return slot >= 0 && slot < _pingLoss.Length ? _pingLoss[slot] : -1;
        }

        /// <summary>Records the packet loss to a ping target.</summary>
        /// <param name="slot">Its slot in <see cref="Request"/>.</param>
        /// <param name="lossPercent">0..100, or -1 for unknown.</param>
        public void SetPingLoss(int slot, int lossPercent)
        {
            if (slot >= 0 && slot < _pingLoss.Length)
            {
                _pingLoss[slot] = lossPercent < -1 ? -1 : (lossPercent > 100 ? 100 : lossPercent);
            }
        }

        /// <summary>Copies another round of the same router (the status keeps one for the other thread); allocates nothing.</summary>
        /// <param name="other">A sample made from the same <see cref="Request"/>.</param>
        public void CopyFrom(HealthSample other)
        {
            ApiReachable = other.ApiReachable;
            Failure = other.Failure;
            FailureDetail = other.FailureDetail;
            UptimeSeconds = other.UptimeSeconds;
            MaintenanceRequested = other.MaintenanceRequested;
            MaintenanceMinutes = other.MaintenanceMinutes;
            for (int i = 0; i < _resources.Length; i++)
            {
                _resources[i] = other.Resource(i);
            }

            for (int i = 0; i < _interfaces.Length; i++)
            {
                _interfaces[i] = other.InterfaceRunning(i);
            }

            for (int i = 0; i < _pingLoss.Length; i++)
            {
                _pingLoss[i] = other.PingLoss(i);
            }
        }
    }
}
