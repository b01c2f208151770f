namespace RouterSim;

/// <summary>Settings of a <see cref="RouterSimulator"/>. Read at <see cref="RouterSimulator.Start"/>
/// (the fault switches live in <see cref="RouterSimulator.Faults"/> and can change at any time).</summary>
public sealed class RouterSimulatorOptions
{
    /// <summary>API port on 127.0.0.1; 0 picks a free one (see <see cref="RouterSimulator.Port"/>).</summary>
    public int Port { get; set; }

    /// <summary>API-SSL port, 0 for any free one, null for no TLS listener.</summary>
    public int? TlsPort { get; set; }

    /// <summary>Accounts (name to password). Defaults to <c>admin</c> with an empty password.</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal) { ["admin"] = string.Empty };

    /// <summary>Behave like RouterOS before 6.43: <c>/login</c> answers an MD5 challenge.</summary>
    public bool LegacyLogin { get; set; }

    /// <summary>Where <c>.tag=</c> goes in replies: right after the reply word like routers, or last.</summary>
    public ReplyTagPosition TagPosition { get; set; } = ReplyTagPosition.AfterReplyWord;

    /// <summary>RouterOS version reported and emulated (7.18+ sends <c>!empty</c>; below 7 uses v6 formats).</summary>
    public string RosVersion { get; set; } = "7.19.3";

    /// <summary>Simultaneous API sessions; connections beyond it are closed right after accept
    /// (RouterOS /ip service max-sessions, default 20).</summary>
    public int MaxSessions { get; set; } = 20;

    /// <summary>Largest word an unauthenticated peer may send (bytes); a longer one closes the
    /// connection. The manual says limits exist but not their values: 4 KiB is an assumption.</summary>
    public int PreLoginMaxWordLength { get; set; } = 4096;

    /// <summary>Sentences an unauthenticated peer may send; the next one closes the connection.
    /// Assumed value (the manual gives none): 8, room for a legacy login and a few retries.</summary>
    public int PreLoginMaxSentences { get; set; } = 8;

    /// <summary>Time source. Null: a <see cref="ScaledClock"/> with <see cref="TimeScale"/>.</summary>
    public ISimClock? Clock { get; set; }

    /// <summary>Simulated seconds per real second when <see cref="Clock"/> is null.</summary>
    public double TimeScale { get; set; } = 1.0;

    /// <summary>Uptime at start (as if the router had been up for a while); reboots start from zero.</summary>
    public TimeSpan InitialUptime { get; set; } = new(3, 4, 5, 6);

    /// <summary>Simulated time during which a rebooting router refuses connections.</summary>
    public TimeSpan RebootDowntime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What <c>/system/reboot</c> answers before the connection drops.</summary>
    public RebootReply RebootReply { get; set; } = RebootReply.Done;

    /// <summary>Normal <c>cpu-load</c> percent when no fault forces it.</summary>
    public int NormalCpuLoad { get; set; } = 4;

    /// <summary>Simulated time between two <c>/ping</c> probes.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Initial <c>/system/identity</c> name.</summary>
    public string Identity { get; set; } = "MikroTik";

    /// <summary><c>board-name</c> in /system/resource.</summary>
    public string BoardName { get; set; } = "RB5009UG+S+";

    /// <summary>Whether /system/health has sensors (boards without them print nothing).</summary>
    public bool HealthSensors { get; set; } = true;

    /// <summary>Rows put into /ip/firewall/address-list at start.</summary>
    public int AddressListRows { get; set; }

    /// <summary>List name of the rows created by <see cref="AddressListRows"/>.</summary>
    public string AddressListName { get; set; } = "blocklist";
}
