using System.Globalization;

namespace RouterSim;

/// <summary>
/// A scripted timeline of router behaviour. Text format, one step per line,
/// <c>&lt;time&gt; &lt;action&gt; [args]</c>, '#' starts a comment; time is a RouterOS duration
/// (<c>30s</c>, <c>1m30s</c>, <c>500ms</c>) or seconds, in simulated time. Actions:
/// <list type="bullet">
/// <item><c>cpu-load N [sticky]</c> force cpu-load (sticky: survives reboots); <c>cpu-load normal</c></item>
/// <item><c>free-memory BYTES</c> force free-memory (a leak; a reboot gives the memory back); <c>free-memory normal</c></item>
/// <item><c>stall on|off</c> (the API hangs), <c>wedged on|off</c> (the whole router hangs: no port answers), <c>hang-before-login on|off</c>, <c>refuse on|off</c></item>
/// <item><c>slow MS|off</c> byte-by-byte replies with MS milliseconds between bytes</item>
/// <item><c>drop-mid-sentence</c>, <c>control-byte [HEX]</c> one-shot faults on the next reply</item>
/// <item><c>fault KIND:N[:K]</c> KIND (drop, stall, garbage, hang) after N replies on each of the next K connections</item>
/// <item><c>api-dead-after-reboot</c> after the next reboot the API accepts but never answers</item>
/// <item><c>reboot</c>, <c>link NAME up|down</c>, <c>ping-loss ADDRESS PERCENT</c></item>
/// <item><c>huge-word BYTES [INTERFACE]</c> comment of BYTES on an interface (default ether1)</item>
/// <item><c>identity NAME</c>, <c>log TOPICS MESSAGE...</c>, <c>clear-faults</c></item>
/// </list>
/// </summary>
public sealed class Scenario
{
    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["cpu-load"] = (1, 2),
        ["free-memory"] = (1, 1),
        ["stall"] = (1, 1),
        ["wedged"] = (1, 1),
        ["hang-before-login"] = (1, 1),
        ["refuse"] = (1, 1),
        ["slow"] = (1, 1),
        ["drop-mid-sentence"] = (0, 0),
        ["control-byte"] = (0, 1),
        ["api-dead-after-reboot"] = (0, 0),
        ["reboot"] = (0, 0),
        ["link"] = (2, 2),
        ["ping-loss"] = (2, 2),
        ["huge-word"] = (1, 2),
        ["identity"] = (1, 1),
        ["log"] = (2, int.MaxValue),
        ["clear-faults"] = (0, 0),
        ["fault"] = (1, 1),
    };

    /// <summary>Creates a scenario from steps (sorted by time, stable).</summary>
    public Scenario(IEnumerable<ScenarioStep> steps)
    {
        Steps = steps.OrderBy(s => s.At).ToList();
        foreach (ScenarioStep step in Steps)
        {
            Validate(step);
        }
    }

    /// <summary>Steps in time order.</summary>
    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>Parses the text format. Throws <see cref="FormatException"/> with the line number on errors.</summary>
    public static Scenario Parse(string text)
    {
        var steps = new List<ScenarioStep>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line.Substring(0, hash);
            }

            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            try
            {
                if (parts.Length < 2)
                {
                    throw new FormatException("expected '<time> <action> [args]'");
                }

                var step = new ScenarioStep(RouterDuration.Parse(parts[0]), parts[1], parts.Skip(2).ToArray());
                Validate(step);
                steps.Add(step);
            }
            catch (FormatException ex)
            {
                throw new FormatException($"scenario line {i + 1}: {ex.Message}", ex);
            }
        }

        return new Scenario(steps);
    }

    /// <summary>Reads and parses a scenario file.</summary>
    public static Scenario Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Applies one step to a simulator (also usable directly from tests).</summary>
    public static void Apply(RouterSimulator simulator, ScenarioStep step)
    {
        IReadOnlyList<string> a = step.Arguments;
        SimulatorFaults faults = simulator.Faults;
        switch (step.Action)
        {
            case "cpu-load":
                if (a[0] == "normal")
                {
                    faults.CpuLoad = null;
                    faults.CpuLoadSurvivesReboot = false;
                }
                else
                {
                    faults.CpuLoad = int.Parse(a[0], CultureInfo.InvariantCulture);
                    faults.CpuLoadSurvivesReboot = a.Count > 1 && a[1] == "sticky";
                }

                break;
            case "free-memory":
                faults.FreeMemory = a[0] == "normal" ? null : long.Parse(a[0], CultureInfo.InvariantCulture);
                break;
            case "stall":
                faults.StallReplies = OnOff(a[0]);
                break;
            case "wedged":
                faults.Wedged = OnOff(a[0]);
                break;
            case "hang-before-login":
                faults.HangBeforeLogin = OnOff(a[0]);
                break;
            case "refuse":
                faults.RefuseConnections = OnOff(a[0]);
                break;
            case "slow":
                faults.SlowDelivery = a[0] == "off" ? null : TimeSpan.FromMilliseconds(double.Parse(a[0], CultureInfo.InvariantCulture));
                break;
            case "drop-mid-sentence":
                faults.DropNextReplyMidSentence();
                break;
            case "control-byte":
                faults.SendControlByteNext(a.Count == 0 ? (byte)0xF8 : byte.Parse(a[0].Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                break;
            case "api-dead-after-reboot":
                faults.ApiUnresponsiveAfterNextReboot = true;
                break;
            case "reboot":
                simulator.BeginReboot();
                break;
            case "link":
                simulator.State.SetInterfaceRunning(a[0], a[1] == "up");
                break;
            case "ping-loss":
                simulator.State.SetPingLoss(a[0], int.Parse(a[1], CultureInfo.InvariantCulture));
                break;
            case "huge-word":
                simulator.State.SetInterfaceComment(a.Count > 1 ? a[1] : "ether1", new string('x', int.Parse(a[0], CultureInfo.InvariantCulture)));
                break;
            case "identity":
                simulator.State.Identity = a[0];
                break;
            case "log":
                simulator.State.AddLog(a[0], string.Join(' ', a.Skip(1)));
                break;
            case "clear-faults":
                faults.Clear();
                break;
            case "fault":
                var (kind, after, connections) = Cli.CliOptions.ParseFault(a[0]);
                faults.Schedule(kind, after, connections);
                break;
        }
    }

    private static bool OnOff(string value) => value switch
    {
        "on" or "yes" or "true" => true,
        "off" or "no" or "false" => false,
        _ => throw new FormatException("expected on or off, got " + value),
    };

    private static void Validate(ScenarioStep step)
    {
        if (!Arity.TryGetValue(step.Action, out var arity))
        {
            throw new FormatException("unknown action " + step.Action);
        }

        if (step.Arguments.Count < arity.Min || step.Arguments.Count > arity.Max)
        {
            throw new FormatException($"action {step.Action} takes {arity.Min}..{(arity.Max == int.MaxValue ? "n" : arity.Max)} arguments");
        }

        IReadOnlyList<string> a = step.Arguments;
        switch (step.Action)
        {
            case "free-memory" when a[0] != "normal":
                if (!long.TryParse(a[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new FormatException("free-memory: expected bytes or normal, got " + a[0]);
                }

                break;
            case "cpu-load" when a[0] != "normal":
            case "huge-word":
                if (!int.TryParse(a[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new FormatException($"{step.Action}: expected a number, got {a[0]}");
                }

                break;
            case "ping-loss":
                if (!int.TryParse(a[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new FormatException("ping-loss: expected a percentage, got " + a[1]);
                }

                break;
            case "stall":
            case "wedged":
            case "hang-before-login":
            case "refuse":
                OnOff(a[0]);
                break;
            case "link" when a[1] != "up" && a[1] != "down":
                throw new FormatException("link: expected up or down");
            case "fault":
                Cli.CliOptions.ParseFault(a[0]);
                break;
        }
    }
}
