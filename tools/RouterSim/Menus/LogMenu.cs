namespace RouterSim;

/// <summary>/log/print with <c>=follow=</c> and <c>=follow-only=</c>; /log/info, /log/warning,
/// /log/error, /log/debug <c>=message=</c> append an entry with the topics <c>script,LEVEL</c>.</summary>
internal static class LogMenu
{
    private static readonly string[] Levels = { "info", "warning", "error", "debug" };

    public static void Register(CommandRegistry registry)
    {
        Func<CommandContext, Task> print = ctx => PrintCommand.PrintAsync(ctx, ctx.State.Log.Snapshot(), ctx.State.Log);
        registry.Add("/log/print", print, PrintCommand.IsFollow);
        registry.Add("/log/getall", print, PrintCommand.IsFollow);
        foreach (string level in Levels)
        {
            string topics = "script," + level;
            registry.Add("/log/" + level, ctx =>
            {
                ctx.Allow("message");
                string message = ctx.Arg("message") ?? throw new TrapException(1, "missing value(s) of argument(s) message");
                ctx.State.AddLog(topics, message);
                return Task.CompletedTask;
            });
        }
    }
}
