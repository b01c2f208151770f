using System.Globalization;

namespace RouterSim.Cli;

/// <summary>Command-line options of the simulator executable.</summary>
public sealed class CliOptions
{
    /// <summary>Usage text printed by <c>--help</c> and on errors.</summary>
    public const string Usage = """
        RouterSim - RouterOS API simulator on 127.0.0.1

          --port N                 API port (0 = any free; default 8728)
          --tls-port N             also serve API-SSL with a self-signed certificate (0 = any free)
          --user U --password P    an account; repeat the pair for more (default admin, empty password)
          --legacy-login           pre-6.43 MD5 challenge login
          --tag-last               write .tag= as the last reply word (routers put it right after !re/!done/!trap)
          --pre-login-max-word N   largest word before login, bytes (default 4096; assumed)
          --pre-login-max-sentences N  sentences allowed before login (default 8; assumed)
          --cert-out FILE          write the API-SSL certificate (PEM, certificate only) to FILE
          --ros-version V          emulated version (default 7.19.3; <7.18 sends no !empty)
          --max-sessions N         simultaneous sessions (default 20)
          --identity NAME          /system/identity name
          --time-scale X           simulated seconds per real second (default 1)
          --reboot-downtime D      refuse connections for D after a reboot (default 5s, simulated)
          --reboot-reply done|none|fatal
          --ping-interval D        time between ping probes (default 1s, simulated)
          --ping-loss ADDR=PCT     loss for pings to ADDR (repeatable)
          --address-list-rows N    pre-populate /ip/firewall/address-list with N rows
          --no-health              board without health sensors
          --scenario FILE          run a scenario file (see README.md)
          --cpu-load N             force cpu-load
          --stall                  never answer any command
          --hang-before-login      never answer /login
          --refuse                 refuse connections
          --slow-ms N              send replies byte by byte, N ms apart
          --huge-word N            put an N-byte comment on ether1
          --api-dead-after-reboot  after the next reboot the API never answers
          --drop-mid-sentence      cut the first reply in the middle and close (one-shot)
          --control-byte           send 0xF8 instead of the first reply (one-shot)
          --fault KIND:N[:K]       on each of the next K connections (default 1), after N reply
                                   sentences (login replies count): KIND drop|stall|garbage|hang
          --exit-on-stdin-eof      also stop when standard input ends (old behaviour)
        Stops on Ctrl+C or SIGTERM. Prints the certificate's SHA-256 fingerprint when TLS is on.
        """;

    /// <summary>Simulator options built from the arguments.</summary>
    public RouterSimulatorOptions Simulator { get; } = new() { Port = 8728 };

    /// <summary>Ping loss per address.</summary>
    public Dictionary<string, int> PingLoss { get; } = new(StringComparer.Ordinal);

    /// <summary>Scenario file, or null.</summary>
    public string? ScenarioFile { get; private set; }

    /// <summary>Forced cpu-load, or null.</summary>
    public int? CpuLoad { get; private set; }

    /// <summary>Start with replies stalled.</summary>
    public bool Stall { get; private set; }

    /// <summary>Start with /login unanswered.</summary>
    public bool HangBeforeLogin { get; private set; }

    /// <summary>Start refusing connections.</summary>
    public bool Refuse { get; private set; }

    /// <summary>Byte-by-byte delivery delay, or null.</summary>
    public int? SlowMs { get; private set; }

    /// <summary>Size of a comment put on ether1, or null.</summary>
    public int? HugeWord { get; private set; }

    /// <summary>Arm API-dead-after-next-reboot.</summary>
    public bool ApiDeadAfterReboot { get; private set; }

    /// <summary>Arm the one-shot mid-sentence drop.</summary>
    public bool DropMidSentence { get; private set; }

    /// <summary>Arm the one-shot control byte.</summary>
    public bool ControlByte { get; private set; }

    /// <summary>Stop when stdin reaches its end (off by default: a server started from a script or
    /// service manager with stdin closed must keep running).</summary>
    public bool ExitOnStdinEof { get; private set; }

    /// <summary>File to write the TLS certificate to (PEM), or null.</summary>
    public string? CertOut { get; private set; }

    /// <summary>Scheduled fault from <c>--fault</c>, or null.</summary>
    public (SessionFault Kind, int AfterReplies, int Connections)? Fault { get; private set; }

    /// <summary><c>--help</c> was given.</summary>
    public bool Help { get; private set; }

    /// <summary>Parses arguments; throws <see cref="FormatException"/> with a message on bad input.</summary>
    public static CliOptions Parse(string[] args)
    {
        var o = new CliOptions();
        var users = new List<string>();
        var passwords = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException(arg + " needs a value");
            int NextInt() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 0 ? v : throw new FormatException(arg + " needs a non-negative number");

            switch (arg)
            {
                case "--port": o.Simulator.Port = NextInt(); break;
                case "--tls-port": o.Simulator.TlsPort = NextInt(); break;
                case "--user": users.Add(Next()); break;
                case "--password": passwords.Add(Next()); break;
                case "--legacy-login": o.Simulator.LegacyLogin = true; break;
                case "--ros-version": o.Simulator.RosVersion = Next(); break;
                case "--max-sessions": o.Simulator.MaxSessions = NextInt(); break;
                case "--identity": o.Simulator.Identity = Next(); break;
                case "--time-scale":
                    o.Simulator.TimeScale = double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out double scale) && scale > 0
                        ? scale
                        : throw new FormatException("--time-scale needs a positive number");
                    break;
                case "--reboot-downtime": o.Simulator.RebootDowntime = RouterDuration.Parse(Next()); break;
                case "--reboot-reply":
                    o.Simulator.RebootReply = Next() switch
                    {
                        "done" => RebootReply.Done,
                        "none" => RebootReply.None,
                        "fatal" => RebootReply.Fatal,
                        _ => throw new FormatException("--reboot-reply is done, none or fatal"),
                    };
                    break;
                case "--ping-interval": o.Simulator.PingInterval = RouterDuration.Parse(Next()); break;
                case "--ping-loss":
                    {
                        string[] kv = Next().Split('=', 2);
                        if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pct))
                        {
                            throw new FormatException("--ping-loss needs ADDRESS=PERCENT");
                        }

                        o.PingLoss[kv[0]] = pct;
                        break;
                    }

                case "--address-list-rows": o.Simulator.AddressListRows = NextInt(); break;
                case "--no-health": o.Simulator.HealthSensors = false; break;
                case "--scenario": o.ScenarioFile = Next(); break;
                case "--cpu-load": o.CpuLoad = NextInt(); break;
                case "--stall": o.Stall = true; break;
                case "--hang-before-login": o.HangBeforeLogin = true; break;
                case "--refuse": o.Refuse = true; break;
                case "--slow-ms": o.SlowMs = NextInt(); break;
                case "--huge-word": o.HugeWord = NextInt(); break;
                case "--api-dead-after-reboot": o.ApiDeadAfterReboot = true; break;
                case "--drop-mid-sentence": o.DropMidSentence = true; break;
                case "--control-byte": o.ControlByte = true; break;
                case "--exit-on-stdin-eof": o.ExitOnStdinEof = true; break;
                case "--cert-out": o.CertOut = Next(); break;
                case "--tag-last": o.Simulator.TagPosition = ReplyTagPosition.Last; break;
                case "--pre-login-max-word": o.Simulator.PreLoginMaxWordLength = NextInt(); break;
                case "--pre-login-max-sentences": o.Simulator.PreLoginMaxSentences = NextInt(); break;
                case "--fault": o.Fault = ParseFault(Next()); break;
                case "--help" or "-h": o.Help = true; break;
                default: throw new FormatException("unknown option " + arg);
            }
        }

        if (users.Count > 0)
        {
            if (passwords.Count > users.Count)
            {
                throw new FormatException("more --password than --user");
            }

            o.Simulator.Users = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < users.Count; i++)
            {
                o.Simulator.Users[users[i]] = i < passwords.Count ? passwords[i] : string.Empty;
            }
        }
        else if (passwords.Count == 1)
        {
            o.Simulator.Users["admin"] = passwords[0];
        }
        else if (passwords.Count > 1)
        {
            throw new FormatException("--password without --user");
        }

        return o;
    }

    /// <summary>Parses <c>KIND:N[:K]</c> (see <see cref="SimulatorFaults.Schedule"/>).</summary>
    public static (SessionFault Kind, int AfterReplies, int Connections) ParseFault(string text)
    {
        string[] parts = text.Split(':');
        SessionFault? kind = parts[0] switch
        {
            "drop" => SessionFault.DropMidSentence,
            "stall" => SessionFault.Stall,
            "garbage" => SessionFault.GarbageByte,
            "hang" => SessionFault.Hang,
            _ => null,
        };
        int after = 0;
        int connections = 1;
        bool ok = kind.HasValue && parts.Length is 2 or 3 &&
                  int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out after) &&
                  (parts.Length == 2 || int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out connections));
        return ok ? (kind!.Value, after, connections) : throw new FormatException("a fault is KIND:N[:K] with KIND drop, stall, garbage or hang, got " + text);
    }

    /// <summary>Applies the start-up faults and state to a created simulator.</summary>
    public void ApplyTo(RouterSimulator simulator)
    {
        foreach (var pair in PingLoss)
        {
            simulator.State.SetPingLoss(pair.Key, pair.Value);
        }

        if (HugeWord is int size)
        {
            simulator.State.SetInterfaceComment("ether1", new string('x', size));
        }

        simulator.Faults.CpuLoad = CpuLoad;
        simulator.Faults.StallReplies = Stall;
        simulator.Faults.HangBeforeLogin = HangBeforeLogin;
        simulator.Faults.SlowDelivery = SlowMs is int ms ? TimeSpan.FromMilliseconds(ms) : null;
        simulator.Faults.ApiUnresponsiveAfterNextReboot = ApiDeadAfterReboot;
        if (DropMidSentence)
        {
            simulator.Faults.DropNextReplyMidSentence();
        }

        if (ControlByte)
        {
            simulator.Faults.SendControlByteNext();
        }

        if (Fault is { } fault)
        {
            simulator.Faults.Schedule(fault.Kind, fault.AfterReplies, fault.Connections);
        }

        if (Refuse)
        {
            simulator.Faults.RefuseConnections = true;
        }
    }
}
