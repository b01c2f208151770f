namespace WatchdogHost;

/// <summary>The command line: no arguments runs the demo; --router watches a real router.</summary>
internal sealed class Arguments
{
    public double TimeScale { get; private set; } = 10;
    public string? Host { get; private set; }
    public int? Port { get; private set; }
    public string RouterName { get; private set; } = "router";
    public string User { get; private set; } = "admin";
    public string Password { get; private set; } = string.Empty;
    public bool Tls { get; private set; }
    public string? CaFile { get; private set; }
    public bool Insecure { get; private set; }
    public bool AllowReboot { get; private set; }
    public string[] Interfaces { get; private set; } = Array.Empty<string>();
    public string[] PingTargets { get; private set; } = Array.Empty<string>();
    public int IntervalSeconds { get; private set; } = 30;
    public int DurationSeconds { get; private set; }
    public int? StatusPort { get; private set; }

    public const string Usage = """
        usage: WatchdogHost [--time-scale X]                     run the demo against the built-in simulator
               WatchdogHost --router HOST[:PORT] --user U --password P
                            [--tls [--ca FILE.pem | --insecure]] [--allow-reboot]
                            [--interfaces ether1,ether2] [--ping 1.1.1.1,8.8.8.8]
                            [--interval SECONDS] [--duration SECONDS] [--name NAME]
        A real router is watched read-only unless --allow-reboot is given; the host has no relay.
        Either mode: --status-port N serves GET /status and /metrics on 127.0.0.1:N (0 = any free port).
        """;

    public static Arguments Parse(string[] args)
    {
        var a = new Arguments();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
            switch (args[i])
            {
                case "--time-scale": a.TimeScale = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--router":
                    string target = Next();
                    int colon = target.LastIndexOf(':');
                    a.Host = colon > 0 ? target[..colon] : target;
                    a.Port = colon > 0 ? int.Parse(target[(colon + 1)..]) : null;
                    break;
                case "--name": a.RouterName = Next(); break;
                case "--user": a.User = Next(); break;
                case "--password": a.Password = Next(); break;
                case "--tls": a.Tls = true; break;
                case "--ca": a.CaFile = Next(); a.Tls = true; break;
                case "--insecure": a.Insecure = true; a.Tls = true; break;
                case "--allow-reboot": a.AllowReboot = true; break;
                case "--interfaces": a.Interfaces = Next().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--ping": a.PingTargets = Next().Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--interval": a.IntervalSeconds = int.Parse(Next()); break;
                case "--duration": a.DurationSeconds = int.Parse(Next()); break;
                case "--status-port": a.StatusPort = int.Parse(Next()); break;
                default: throw new ArgumentException("unknown option " + args[i]);
            }
        }

        if (a.TimeScale <= 0)
        {
            throw new ArgumentException("--time-scale must be positive");
        }

        if (a.StatusPort is < 0 or > 65535)
        {
            throw new ArgumentException("--status-port must be 0..65535");
        }

        return a;
    }
}
