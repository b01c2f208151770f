namespace WatchdogHost;

/// <summary>
/// The command line: no arguments runs the demo; --router watches a real router. Real routers
/// are reached over API-SSL by default; the plain API is an explicit --plaintext. Passwords are
/// never taken from the command line (ps, shell history): a file, the environment or a prompt.
/// </summary>
internal sealed class Arguments
{
    /// <summary>The environment variable the password may come from.</summary>
    public const string PasswordVariable = "MIKROTIK_PASSWORD";

    public double TimeScale { get; private set; } = 10;
    public string? Host { get; private set; }
    public int? Port { get; private set; }
    public string RouterName { get; private set; } = "router";
    public string? User { get; private set; }
    public string? PasswordFile { get; private set; }
    public bool Tls => !Plaintext;
    public bool Plaintext { get; private set; }
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
               WatchdogHost --router HOST[:PORT] --user U [--password-file FILE]
                            [--ca ROUTER.pem | --insecure | --plaintext] [--allow-reboot]
                            [--interfaces ether1,ether2] [--ping 1.1.1.1,8.8.8.8]
                            [--interval SECONDS] [--duration SECONDS] [--name NAME]
        API-SSL (port 8729) by default, verified by the system's trust store or --ca (the router's
        certificate or its CA, certificate-only PEM, pinned by key); --insecure skips verification
        (UNVERIFIED TLS); --plaintext uses the plain API (port 8728), which sends the password in clear.
        The password comes from --password-file, else $MIKROTIK_PASSWORD, else a prompt.
        A real router is watched read-only unless --allow-reboot is given; the host has no relay.
        Either mode: --status-port N serves GET /status and /metrics on 127.0.0.1:N (0 = any free port).
        """;

    public static Arguments Parse(string[] args)
    {
        var a = new Arguments();
        bool tlsAsked = false;
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
                case "--password":
                    throw new ArgumentException("--password is not accepted: a password on the command line is visible in ps and the shell history. "
                        + "Use --password-file FILE, the " + PasswordVariable + " environment variable, or the prompt.");
                case "--password-file": a.PasswordFile = Next(); break;
                case "--tls": tlsAsked = true; break;
                case "--plaintext": a.Plaintext = true; break;
                case "--ca": a.CaFile = Next(); break;
                case "--insecure": a.Insecure = true; break;
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

        if (a.CaFile != null && a.Insecure)
        {
            throw new ArgumentException("--ca and --insecure contradict each other: --insecure would silently drop the pin");
        }

        if (a.Plaintext && (tlsAsked || a.CaFile != null || a.Insecure))
        {
            throw new ArgumentException("--plaintext cannot be combined with --tls, --ca or --insecure");
        }

        if (a.Host != null && string.IsNullOrEmpty(a.User))
        {
            throw new ArgumentException("--user is required with --router (there is no default user)");
        }

        if (a.StatusPort is < 0 or > 65535)
        {
            throw new ArgumentException("--status-port must be 0..65535");
        }

        return a;
    }

    /// <summary>
    /// The password, from --password-file, else the environment variable, else the prompt. A
    /// password file keeps its first line (a trailing newline is not part of the password).
    /// </summary>
    public string ReadPassword(Func<string, string?> environment, Func<string?> prompt)
    {
        if (PasswordFile != null)
        {
            string text = File.ReadAllText(PasswordFile);
            int end = text.IndexOfAny(new[] { '\r', '\n' });
            return end >= 0 ? text[..end] : text;
        }

        string? fromEnvironment = environment(PasswordVariable);
        if (fromEnvironment != null)
        {
            return fromEnvironment;
        }

        return prompt() ?? throw new ArgumentException("no password: use --password-file, " + PasswordVariable + " or the prompt");
    }
}
