using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Mikrotik.Nano;

namespace WatchdogHost;

/// <summary>The live, timestamped log of the host run: probe rounds, decisions, notes.</summary>
internal sealed class StatusView(IClock clock, TextWriter output)
{
    private readonly object _sync = new();

    public void Header(string text) => Line("==", text);

    public void Note(string text) => Line("  ", text);

    public void Round(string router, HealthSample s)
    {
        string health = s.ApiReachable
            ? $"api ok   cpu {Num(s.CpuLoadPercent),3}%  free {Mb(s.FreeMemoryBytes),6} of {Mb(s.TotalMemoryBytes),6}  uptime {Uptime(s.UptimeSeconds)}{Interfaces(s)}{Pings(s)}"
            : $"api DOWN ({s.Failure}{(s.FailureDetail is null ? "" : ": " + LogText.Clean(s.FailureDetail, LogText.DefaultMaxLength))})";
        Line("..", $"{router,-8} {health}");
    }

    public void Decision(Decision d) => Line(">>", $"{d.RouterName,-8} {Esp32Watchdog.Ports.Decision.NameOf(d.Code)}: {d.Reason}");

    private void Line(string mark, string text)
    {
        long ms = clock.NowMilliseconds;
        lock (_sync)
        {
            output.WriteLine($"[{ms / 60000:00}:{ms / 1000 % 60:00}] {mark} {text}");
        }
    }

    private static string Num(long v) => v < 0 ? "?" : v.ToString();

    private static string Mb(long bytes) => bytes < 0 ? "?" : $"{bytes / (1024 * 1024)}MiB";

    private static string Uptime(long seconds) => seconds < 0 ? "?" : TimeSpan.FromSeconds(seconds).ToString(@"d\.hh\:mm\:ss");

    private static string Interfaces(HealthSample s)
    {
        if (s.InterfacesNotRunningCount == 0)
        {
            return string.Empty;
        }

        var names = new string[s.InterfacesNotRunningCount];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = s.GetInterfaceNotRunning(i);
        }

        return "  down: " + string.Join(",", names);
    }

    private static string Pings(HealthSample s)
    {
        var parts = new List<string>();
        for (int i = 0; i < s.PingTargetCount; i++)
        {
            parts.Add(s.GetPingLoss(i) < 0 ? "?" : s.GetPingLoss(i) + "%");
        }

        return parts.Count == 0 ? string.Empty : "  ping loss " + string.Join(",", parts);
    }
}
