using System.Globalization;
using System.Threading.Channels;

namespace RouterSim;

/// <summary>/interface: print, listen, set, enable, disable.</summary>
internal static class InterfaceMenu
{
    public static void Register(CommandRegistry registry)
    {
        Func<CommandContext, Task> print = ctx => PrintCommand.PrintAsync(ctx, ctx.State.Interfaces.Snapshot(), ctx.State.Interfaces);
        registry.Add("/interface/print", print, PrintCommand.IsFollow);
        registry.Add("/interface/getall", print, PrintCommand.IsFollow);
        registry.Add("/interface/listen", ListenAsync, _ => true);
        registry.Add("/interface/set", SetAsync);
        registry.Add("/interface/enable", ctx => SetDisabled(ctx, false));
        registry.Add("/interface/disable", ctx => SetDisabled(ctx, true));
    }

    private static async Task ListenAsync(CommandContext ctx)
    {
        ctx.Allow(".proplist");
        MenuTable table = ctx.State.Interfaces;
        var changes = Channel.CreateUnbounded<(Row, bool)>(new UnboundedChannelOptions());
        Action<Row, bool> handler = (row, removed) => changes.Writer.TryWrite((row, removed));
        table.Changed += handler;
        try
        {
            await PrintCommand.StreamChangesAsync(ctx, changes, Query.Create(ctx.Sentence.Queries), ctx.Proplist()).ConfigureAwait(false);
        }
        finally
        {
            table.Changed -= handler;
        }
    }

    private static Task SetAsync(CommandContext ctx)
    {
        ctx.Allow(".id", "numbers", "name", "disabled", "comment", "mtu");
        List<Row> rows = PrintCommand.ResolveItems(ctx, ctx.State.Interfaces, byName: true);
        foreach (Row row in rows)
        {
            // All arguments are validated before anything changes: a trap leaves the item as it was.
            string?[] values = (string?[])row.Values.Clone();
            void Put(string name, string? value) => values[row.Schema.IndexOf(name)] = value;

            if (ctx.Arg("name") is { } name)
            {
                Put("name", name.Length > 0 ? name : throw TrapException.NoMatch("name"));
            }

            if (ctx.Arg("comment") is { } comment)
            {
                Put("comment", comment.Length == 0 ? null : comment);
            }

            if (ctx.Arg("mtu") is { } mtu)
            {
                if (!int.TryParse(mtu, NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m > 65535)
                {
                    throw TrapException.NoMatch("mtu");
                }

                Put("mtu", m.ToString(CultureInfo.InvariantCulture));
            }

            if (ctx.Arg("disabled") is { } disabled)
            {
                bool d = ParseBool(disabled, "disabled");
                Put("disabled", RouterState.Bool(d));

                // The simulated links are always plugged in: enabling brings the link up again.
                Put("running", RouterState.Bool(!d));
            }

            Apply(ctx, row, values);
        }

        return Task.CompletedTask;
    }

    private static Task SetDisabled(CommandContext ctx, bool disabled)
    {
        ctx.Allow(".id", "numbers");
        foreach (Row row in PrintCommand.ResolveItems(ctx, ctx.State.Interfaces, byName: true))
        {
            string?[] values = row.With("disabled", RouterState.Bool(disabled));
            values[row.Schema.IndexOf("running")] = RouterState.Bool(!disabled);

            Apply(ctx, row, values);
        }

        return Task.CompletedTask;
    }

    /// <summary>Stores new values; a change of <c>running</c> is logged as a link change, like RouterOS does.</summary>
    private static void Apply(CommandContext ctx, Row row, string?[] values)
    {
        string? before = row.Get("running");
        ctx.State.Interfaces.Update(row, values);
        string? after = row.Get("running");
        if (before != after)
        {
            ctx.State.AddLog("interface,info", row.Get("name") + " link " + (after == "true" ? "up" : "down"));
        }
    }

    /// <summary>RouterOS accepts yes/no and true/false for booleans.</summary>
    internal static bool ParseBool(string value, string name) => value switch
    {
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => throw TrapException.NoMatch(name),
    };
}
