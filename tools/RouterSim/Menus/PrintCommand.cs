using System.Globalization;
using System.Threading.Channels;

namespace RouterSim;

/// <summary>The shared implementation of <c>print</c>: proplist, queries, count-only, follow,
/// and <c>!empty</c> on 7.18+.</summary>
internal static class PrintCommand
{
    private static readonly string[] PrintArgs = { ".proplist", "count-only", "detail", "without-paging", "terse", "brief" };
    private static readonly string[] FollowArgs = { ".proplist", "count-only", "detail", "without-paging", "terse", "brief", "follow", "follow-only" };

    public static bool IsFollow(CommandSentence s) =>
        s.Attributes.ContainsKey("follow") || s.Attributes.ContainsKey("follow-only");

    /// <summary>Prints <paramref name="rows"/>; when <paramref name="table"/> is given, follow modes stream its changes.</summary>
    public static async Task PrintAsync(CommandContext ctx, IReadOnlyList<Row> rows, MenuTable? table = null)
    {
        ctx.Allow(table != null ? FollowArgs : PrintArgs);
        HashSet<string>? proplist = ctx.Proplist();
        Query query = Query.Create(ctx.Sentence.Queries);
        bool follow = table != null && IsFollow(ctx.Sentence);

        if (ctx.Has("count-only"))
        {
            int count = 0;
            foreach (Row row in rows)
            {
                if (query.Matches(row))
                {
                    count++;
                }
            }

            ctx.Ret = count.ToString(CultureInfo.InvariantCulture);
            return;
        }

        Channel<(Row Row, bool Removed)>? changes = null;
        Action<Row, bool>? handler = null;
        if (follow)
        {
            // Subscribe before printing so nothing that happens meanwhile is lost.
            changes = Channel.CreateUnbounded<(Row, bool)>(new UnboundedChannelOptions());
            handler = (row, removed) => changes.Writer.TryWrite((row, removed));
            table!.Changed += handler;
        }

        try
        {
            int printed = 0;
            if (!ctx.Has("follow-only"))
            {
                foreach (Row row in rows)
                {
                    if (query.Matches(row))
                    {
                        await ctx.AddRowAsync(row, proplist).ConfigureAwait(false);
                        printed++;
                    }
                }
            }

            if (!follow)
            {
                if (printed == 0 && ctx.State.VersionAtLeast(7, 18))
                {
                    ctx.Empty = true;
                }

                return;
            }

            await ctx.FlushAsync().ConfigureAwait(false);
            await StreamChangesAsync(ctx, changes!, query, proplist).ConfigureAwait(false);
        }
        finally
        {
            if (handler != null)
            {
                table!.Changed -= handler;
            }
        }
    }

    /// <summary>Streams table changes until cancelled: changed rows in full, removed ones as <c>.dead=yes</c>.</summary>
    public static async Task StreamChangesAsync(CommandContext ctx, Channel<(Row Row, bool Removed)> changes, Query query, HashSet<string>? proplist)
    {
        while (true)
        {
            (Row row, bool removed) = await changes.Reader.ReadAsync(ctx.Cancellation).ConfigureAwait(false);
            if (removed)
            {
                var words = new List<string> { "!re", "=.id=" + row.IdText, "=.dead=yes" };
                ReplySentence.AddTag(words, ctx.Tag);
                ctx.Add(words);
            }
            else if (query.Matches(row))
            {
                await ctx.AddRowAsync(row, proplist).ConfigureAwait(false);
            }

            if (changes.Reader.Count == 0)
            {
                await ctx.FlushAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Resolves <c>.id</c> or <c>numbers</c> (comma-separated ids, or names when the menu has them).</summary>
    public static List<Row> ResolveItems(CommandContext ctx, MenuTable table, bool byName)
    {
        string? spec = ctx.Arg(".id") ?? ctx.Arg("numbers");
        if (string.IsNullOrEmpty(spec))
        {
            throw TrapException.NoSuchItem();
        }

        var result = new List<Row>();
        foreach (string part in spec.Split(','))
        {
            Row? row = null;
            uint id = Row.ParseId(part);
            if (id != 0)
            {
                row = table.Find(id);
            }
            else if (byName)
            {
                row = table.FindBy("name", part);
            }

            result.Add(row ?? throw TrapException.NoSuchItem());
        }

        return result;
    }
}
