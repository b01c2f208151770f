namespace RouterSim;

/// <summary>/log/print with <c>=follow=</c> and <c>=follow-only=</c>.</summary>
internal static class LogMenu
{
    public static void Register(CommandRegistry registry)
    {
        Func<CommandContext, Task> print = ctx => PrintCommand.PrintAsync(ctx, ctx.State.Log.Snapshot(), ctx.State.Log);
        registry.Add("/log/print", print, PrintCommand.IsFollow);
        registry.Add("/log/getall", print, PrintCommand.IsFollow);
    }
}
