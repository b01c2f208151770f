namespace RouterSim;

/// <summary>
/// Fault injection switches. All members are thread-safe and take effect immediately, for every
/// session (one-shot faults are consumed by the first reply of any session). Scheduled faults
/// (<see cref="Schedule"/>) hit the next K connections after N reply sentences each.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly RouterSimulator _owner;
    private int _cpuLoad = -1;
    private long _freeMemory = -1;
    private volatile bool _stallReplies;
    private volatile bool _wedged;
    private volatile bool _hangBeforeLogin;
    private volatile bool _refuseConnections;
    private volatile bool _apiUnresponsiveAfterNextReboot;
    private long _slowDeliveryTicks = -1;
    private int _dropNextReplyMidSentence;
    private int _controlByteNext = -1;
    private readonly object _scheduleGate = new();
    private SessionFaultPlan? _scheduled;
    private int _scheduledConnections;

    internal SimulatorFaults(RouterSimulator owner)
    {
        _owner = owner;
    }

    /// <summary>Forced <c>cpu-load</c> percent, or null for the normal load. Cleared by a reboot
    /// unless <see cref="CpuLoadSurvivesReboot"/> is set.</summary>
    public int? CpuLoad
    {
        get
        {
            int value = Volatile.Read(ref _cpuLoad);
            return value < 0 ? null : value;
        }
        set => Volatile.Write(ref _cpuLoad, value.HasValue ? Math.Clamp(value.Value, 0, 100) : -1);
    }

    /// <summary>Forced <c>free-memory</c> in bytes (a leak eating memory), or null for the normal
    /// value. Cleared by a reboot, which gives the memory back.</summary>
    public long? FreeMemory
    {
        get
        {
            long value = Volatile.Read(ref _freeMemory);
            return value < 0 ? null : value;
        }
        set => Volatile.Write(ref _freeMemory, value.HasValue ? Math.Max(0, value.Value) : -1);
    }

    /// <summary>Keep <see cref="CpuLoad"/> across reboots (a scenario's "from then on").</summary>
    public bool CpuLoadSurvivesReboot { get; set; }

    /// <summary>Sessions keep reading but never answer anything (socket stays open).</summary>
    public bool StallReplies
    {
        get => _stallReplies;
        set => _stallReplies = value;
    }

    /// <summary>
    /// The whole router hangs (a wedged kernel): sessions stall as with <see cref="StallReplies"/>,
    /// and no other port of the router answers either, which a watchdog's second-port check
    /// (it runs in-process beside the simulator) reads from here. <see cref="Clear"/> (a power-cycle) ends it.
    /// </summary>
    public bool Wedged
    {
        get => _wedged;
        set
        {
            _wedged = value;
            StallReplies = value;
        }
    }

    /// <summary>Connections are accepted but <c>/login</c> is never answered.</summary>
    public bool HangBeforeLogin
    {
        get => _hangBeforeLogin;
        set => _hangBeforeLogin = value;
    }

    /// <summary>Stop listening so connection attempts are refused (existing sessions are closed).</summary>
    public bool RefuseConnections
    {
        get => _refuseConnections;
        set
        {
            _refuseConnections = value;
            _owner.ReconcileListeners(closeSessions: value);
        }
    }

    /// <summary>After the next reboot, the API accepts connections but never answers
    /// (<see cref="StallReplies"/> is switched on when the router comes back).</summary>
    public bool ApiUnresponsiveAfterNextReboot
    {
        get => _apiUnresponsiveAfterNextReboot;
        set => _apiUnresponsiveAfterNextReboot = value;
    }

    /// <summary>When set, replies are written one byte at a time with this pause between bytes.</summary>
    public TimeSpan? SlowDelivery
    {
        get
        {
            long ticks = Interlocked.Read(ref _slowDeliveryTicks);
            return ticks < 0 ? null : TimeSpan.FromTicks(ticks);
        }
        set => Interlocked.Exchange(ref _slowDeliveryTicks, value.HasValue ? Math.Max(0, value.Value.Ticks) : -1);
    }

    /// <summary>Arms a one-shot fault: the next reply sentence is cut in the middle of a word and
    /// the connection is closed.</summary>
    public void DropNextReplyMidSentence() => Interlocked.Exchange(ref _dropNextReplyMidSentence, 1);

    /// <summary>Arms a one-shot fault: instead of the next reply, a reserved control byte is sent
    /// (0xF8..0xFF). The connection then stays open, as the stream is already uninterpretable.</summary>
    public void SendControlByteNext(byte value = 0xF8)
    {
        if (value < 0xF8)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "reserved control bytes are 0xF8..0xFF");
        }

        Interlocked.Exchange(ref _controlByteNext, value);
    }

    /// <summary>
    /// Arms a fault for the next <paramref name="connections"/> connections (sessions accepted
    /// from now on): each of them gets <paramref name="afterReplies"/> reply sentences normally,
    /// login replies included, then <paramref name="kind"/>. Later connections are healthy, so a
    /// client's reconnect after the fault finds a working router. Replaces an earlier schedule;
    /// <see cref="Clear"/> disarms it (connections already given the fault keep it).
    /// </summary>
    /// <param name="kind">What happens to each faulted connection.</param>
    /// <param name="afterReplies">Reply sentences before the fault (0: before the login's reply).
    /// With a plain login, 1 lets the login through and hits the first command's first reply.</param>
    /// <param name="connections">How many connections get the fault.</param>
    public void Schedule(SessionFault kind, int afterReplies, int connections = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterReplies);
        ArgumentOutOfRangeException.ThrowIfNegative(connections);
        lock (_scheduleGate)
        {
            _scheduled = new SessionFaultPlan(kind, afterReplies);
            _scheduledConnections = connections;
        }
    }

    /// <summary>Connections that a scheduled fault will still hit.</summary>
    public int ScheduledConnectionsLeft
    {
        get
        {
            lock (_scheduleGate)
            {
                return _scheduledConnections;
            }
        }
    }

    /// <summary>Switches every fault off (one-shot faults are disarmed).</summary>
    public void Clear()
    {
        CpuLoad = null;
        CpuLoadSurvivesReboot = false;
        FreeMemory = null;
        StallReplies = false;
        _wedged = false;
        HangBeforeLogin = false;
        ApiUnresponsiveAfterNextReboot = false;
        SlowDelivery = null;
        Interlocked.Exchange(ref _dropNextReplyMidSentence, 0);
        Interlocked.Exchange(ref _controlByteNext, -1);
        lock (_scheduleGate)
        {
            _scheduled = null;
            _scheduledConnections = 0;
        }

        RefuseConnections = false;
    }

    /// <summary>Called once per new session: its scheduled fault, or null for a healthy one.</summary>
    internal SessionFaultPlan? TakeForNewConnection()
    {
        lock (_scheduleGate)
        {
            if (_scheduled == null || _scheduledConnections <= 0)
            {
                return null;
            }

            _scheduledConnections--;
            return _scheduled;
        }
    }

    internal bool TakeDropMidSentence() => Interlocked.Exchange(ref _dropNextReplyMidSentence, 0) == 1;

    internal int TakeControlByte() => Interlocked.Exchange(ref _controlByteNext, -1);

    /// <summary>Called when the router comes back from a reboot.</summary>
    internal void OnRebooted()
    {
        if (!CpuLoadSurvivesReboot)
        {
            CpuLoad = null;
        }

        FreeMemory = null;

        if (_apiUnresponsiveAfterNextReboot)
        {
            _apiUnresponsiveAfterNextReboot = false;
            _stallReplies = true;
        }
    }
}
