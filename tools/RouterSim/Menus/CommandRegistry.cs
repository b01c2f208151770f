namespace RouterSim;

/// <summary>Maps command paths to handlers and knows which menus exist, so unknown commands get
/// the router's two different traps (<c>no such command prefix</c> vs <c>no such command</c>).</summary>
internal sealed class CommandRegistry
{
    private readonly Dictionary<string, CommandEntry> _commands = new(StringComparer.Ordinal);
    private readonly HashSet<string> _menus = new(StringComparer.Ordinal) { string.Empty };

    public static CommandRegistry CreateDefault()
    {
        var registry = new CommandRegistry();
        SystemMenus.Register(registry);
        InterfaceMenu.Register(registry);
        IpMenus.Register(registry);
        LogMenu.Register(registry);
        PingCommand.Register(registry);
        return registry;
    }

    /// <summary>Adds a command. <paramref name="streaming"/> tells, per sentence, whether it may run
    /// indefinitely (so it always runs in the background and /cancel can reach it).</summary>
    public void Add(string path, Func<CommandContext, Task> handler, Func<CommandSentence, bool>? streaming = null)
    {
        _commands[path] = new CommandEntry(handler, streaming ?? (_ => false));
        int slash = path.LastIndexOf('/');
        while (slash > 0)
        {
            _menus.Add(path.Substring(0, slash));
            slash = path.LastIndexOf('/', slash - 1);
        }
    }

    /// <summary>Finds a handler or throws the trap the router would send.</summary>
    /// <param name="command">The command word.</param>
    /// <param name="twoTraps">RouterOS 7 answers an unknown menu with two traps (see README.md).</param>
    public CommandEntry Resolve(string command, bool twoTraps)
    {
        if (_commands.TryGetValue(command, out CommandEntry? entry))
        {
            return entry;
        }

        int slash = command.LastIndexOf('/');
        if (command.StartsWith('/') && slash >= 0 && _menus.Contains(command.Substring(0, slash)))
        {
            throw new TrapException(null, "no such command");
        }

        if (!twoTraps)
        {
            throw new TrapException(null, "no such command prefix");
        }

        // The first trap names the first path segment that is not a menu:
        // /system/routerboard/getall -> "no such command or directory (routerboard)".
        var first = new TrapException(0, "no such command or directory (" + FirstUnknownSegment(command) + ")");
        throw new TrapException(first, null, "no such command prefix");
    }

    private string FirstUnknownSegment(string command)
    {
        string[] segments = command.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string path = string.Empty;
        foreach (string segment in segments)
        {
            path += "/" + segment;
            if (!_menus.Contains(path))
            {
                return segment;
            }
        }

        return segments.Length == 0 ? command : segments[^1];
    }
}

/// <summary>A registered command.</summary>
internal sealed record CommandEntry(Func<CommandContext, Task> Handler, Func<CommandSentence, bool> IsStreaming);
