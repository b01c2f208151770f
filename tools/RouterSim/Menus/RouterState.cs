using System.Collections.Concurrent;
using System.Globalization;

namespace RouterSim;

/// <summary>
/// The simulated router's configuration and live data. Tests may read and change it directly
/// (tables raise change events, so /interface/listen and /log/print =follow= see the changes).
/// </summary>
public sealed class RouterState
{
    /// <summary>Most log lines kept (RouterOS's default memory log keeps 1000).</summary>
    public const int MaxLogLines = 1000;

    private static readonly RowSchema ResourceSchema = new(
        "uptime", "version", "build-time", "factory-software", "free-memory", "total-memory", "cpu",
        "cpu-count", "cpu-frequency", "cpu-load", "free-hdd-space", "total-hdd-space",
        "write-sect-since-reboot", "write-sect-total", "architecture-name", "board-name", "platform");

    private static readonly RowSchema HealthV7Schema = new("name", "value", "type");
    private static readonly RowSchema HealthV6Schema = new("voltage", "temperature", "cpu-temperature");

    private readonly ISimClock _clock;
    private readonly RouterSimulatorOptions _options;
    private readonly int[] _version;
    private TimeSpan _bootedAt;
    private TimeSpan _uptimeAtBoot;
    private string _identity;

    internal RouterState(RouterSimulatorOptions options, ISimClock clock)
    {
        _options = options;
        _clock = clock;
        _version = ParseVersion(options.RosVersion);
        _identity = options.Identity;
        _bootedAt = clock.Now;
        _uptimeAtBoot = options.InitialUptime;

        Interfaces = new MenuTable(new RowSchema(
            "name", "default-name", "type", "mtu", "actual-mtu", "l2mtu", "mac-address", "last-link-up-time",
            "link-downs", "running", "disabled", "comment"));
        IpAddresses = new MenuTable(new RowSchema(
            "address", "network", "interface", "actual-interface", "invalid", "dynamic", "disabled", "comment"));
        AddressList = new MenuTable(new RowSchema(
            "list", "address", "creation-time", "dynamic", "disabled", "comment"));
        Log = new MenuTable(new RowSchema("time", "topics", "message"));
        Scripts = new MenuTable(new RowSchema("name", "owner", "policy", "run-count", "source", "comment"));

        for (int i = 1; i <= 5; i++)
        {
            AddInterface("ether" + i, "ether", running: i != 5, defaultName: "ether" + i);
        }

        AddInterface("sfp-sfpplus1", "ether", running: false, defaultName: "sfp-sfpplus1");
        AddInterface("bridge", "bridge", running: true);
        IpAddresses.Add("192.168.88.1/24", "192.168.88.0", "bridge", "bridge", "false", "false", "false", null);

        if (options.AddressListRows > 0)
        {
            PopulateAddressList(options.AddressListRows, options.AddressListName);
        }

        AddLog("system,info", "router rebooted");
    }

    /// <summary>/interface items.</summary>
    public MenuTable Interfaces { get; }

    /// <summary>/ip/address items.</summary>
    public MenuTable IpAddresses { get; }

    /// <summary>/ip/firewall/address-list items.</summary>
    public MenuTable AddressList { get; }

    /// <summary>/log entries (oldest dropped beyond <see cref="MaxLogLines"/>).</summary>
    public MenuTable Log { get; }

    /// <summary>/system/script (e.g. the watchdog's maintenance flag <c>watchdog-hold</c>).</summary>
    public MenuTable Scripts { get; }

    /// <summary>Per-address ping behaviour; addresses not listed answer every probe.</summary>
    public ConcurrentDictionary<string, PingTarget> PingTargets { get; } = new(StringComparer.Ordinal);

    /// <summary>/system/identity name.</summary>
    public string Identity
    {
        get => Volatile.Read(ref _identity);
        set => Volatile.Write(ref _identity, value);
    }

    /// <summary>Normal cpu-load (percent) when no fault forces one.</summary>
    public int NormalCpuLoad { get; set; }

    /// <summary>Forced cpu-load from the faults, read by <see cref="CpuLoad"/>.</summary>
    internal Func<int?> CpuLoadOverride { get; set; } = () => null;

    /// <summary>Forced free-memory from the faults, read by <see cref="FreeMemory"/>.</summary>
    internal Func<long?> FreeMemoryOverride { get; set; } = () => null;

    /// <summary>total-memory in bytes (1 GiB, as a hAP ax3 or an RB5009).</summary>
    public long TotalMemory => 1073741824;

    /// <summary>Current free-memory in bytes (834142208 unless a fault drives it low).</summary>
    public long FreeMemory => FreeMemoryOverride() ?? 834142208;

    /// <summary>Time since the (simulated) boot.</summary>
    public TimeSpan Uptime => _clock.Now - _bootedAt + _uptimeAtBoot;

    /// <summary>Current cpu-load percent.</summary>
    public int CpuLoad => CpuLoadOverride() ?? NormalCpuLoad;

    /// <summary>The emulated version is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool VersionAtLeast(int major, int minor) =>
        _version[0] > major || (_version[0] == major && _version[1] >= minor);

    /// <summary>Emulated version text.</summary>
    public string RosVersion => _options.RosVersion;

    /// <summary>Adds an interface (as if a VLAN or tunnel were created) and returns its row.</summary>
    public Row AddInterface(string name, string type, bool running = true, string? defaultName = null)
    {
        int n = Interfaces.Count + 1;
        string mac = type == "bridge" ? "48:A9:8A:00:00:F0" : $"48:A9:8A:00:00:{n:X2}";
        return Interfaces.Add(
            name, defaultName, type, "1500", "1500", type == "ether" ? "1514" : "65535", mac,
            running ? "2026-11-20 08:00:00" : null, "0", Bool(running), "false", null);
    }

    /// <summary>Removes an interface by name (listeners get <c>.dead=yes</c>); false if unknown.</summary>
    public bool RemoveInterface(string name)
    {
        Row? row = Interfaces.FindBy("name", name);
        return row != null && Interfaces.Remove(row.Id);
    }

    /// <summary>Changes an interface's <c>running</c> state (link up/down), logging it like RouterOS.</summary>
    public void SetInterfaceRunning(string name, bool running)
    {
        Row row = Interfaces.FindBy("name", name) ?? throw new ArgumentException("no interface " + name, nameof(name));
        string?[] values = row.With("running", Bool(running));
        if (!running)
        {
            int downs = int.Parse(row.Get("link-downs") ?? "0", CultureInfo.InvariantCulture);
            values[row.Schema.IndexOf("link-downs")] = (downs + 1).ToString(CultureInfo.InvariantCulture);
        }

        Interfaces.Update(row, values);
        AddLog("interface,info", name + " link " + (running ? "up" : "down"));
    }

    /// <summary>Sets (or clears with null) an interface's comment, e.g. a 64 KiB word to overflow client buffers.</summary>
    public void SetInterfaceComment(string name, string? comment)
    {
        Row row = Interfaces.FindBy("name", name) ?? throw new ArgumentException("no interface " + name, nameof(name));
        Interfaces.Set(row, "comment", comment);
    }

    /// <summary>Appends <paramref name="count"/> address-list rows 10.x.y.z (no events, fast).</summary>
    public void PopulateAddressList(int count, string list = "blocklist")
    {
        int start = AddressList.Count;
        string created = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        AddressList.AddMany(count, i =>
        {
            int n = start + i + 1;
            string address = $"10.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF}";
            return new string?[] { list, address, created, "false", "false", null };
        });
    }

    /// <summary>Appends a log entry (visible to <c>/log/print =follow=</c>).</summary>
    public void AddLog(string topics, string message)
    {
        Log.Add(DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture), topics, message);
        Row[] rows = Log.Snapshot();
        if (rows.Length > MaxLogLines)
        {
            Log.Remove(rows[0].Id, notify: false);
        }
    }

    /// <summary>Sets ping behaviour for one address.</summary>
    public void SetPingLoss(string address, int lossPercent, TimeSpan? rtt = null) =>
        PingTargets[address] = new PingTarget(Math.Clamp(lossPercent, 0, 100), rtt ?? TimeSpan.FromMicroseconds(412));

    /// <summary>The /system/resource row as it is now.</summary>
    public Row ResourceRow()
    {
        return new Row(ResourceSchema, 0, new string?[]
        {
            RouterDuration.Format(Uptime),
            _options.RosVersion + " (stable)",
            "2026-06-01 10:00:00",
            "7.0.0",
            FreeMemory.ToString(CultureInfo.InvariantCulture),
            TotalMemory.ToString(CultureInfo.InvariantCulture),
            "ARM64",
            "4",
            "1400",
            CpuLoad.ToString(CultureInfo.InvariantCulture),
            "896466944",
            "1073741824",
            "1204",
            "88471",
            "arm64",
            _options.BoardName,
            "MikroTik",
        });
    }

    /// <summary>The /system/health rows: v7 one per sensor, v6 one row with named sensors.</summary>
    public IReadOnlyList<Row> HealthRows()
    {
        if (!_options.HealthSensors)
        {
            return Array.Empty<Row>();
        }

        if (VersionAtLeast(7, 0))
        {
            return new[]
            {
                new Row(HealthV7Schema, 0x10, new string?[] { "voltage", "24.1", "V" }),
                new Row(HealthV7Schema, 0x11, new string?[] { "temperature", "38", "C" }),
                new Row(HealthV7Schema, 0x12, new string?[] { "cpu-temperature", "47", "C" }),
            };
        }

        return new[] { new Row(HealthV6Schema, 0, new string?[] { "24.1", "38", "47" }) };
    }

    /// <summary>Resets boot-time state (uptime from zero) after a reboot.</summary>
    internal void OnBoot()
    {
        _bootedAt = _clock.Now;
        _uptimeAtBoot = TimeSpan.Zero;
        AddLog("system,info", "router rebooted");
    }

    /// <summary>RouterOS boolean text.</summary>
    internal static string Bool(bool value) => value ? "true" : "false";

    private static int[] ParseVersion(string text)
    {
        var parts = new int[3];
        string[] pieces = text.Split(' ')[0].Split('.');
        for (int i = 0; i < 3 && i < pieces.Length; i++)
        {
            string digits = new string(pieces[i].TakeWhile(char.IsAsciiDigit).ToArray());
            parts[i] = digits.Length == 0 ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);
        }

        return parts;
    }
}
