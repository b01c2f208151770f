namespace RouterSim;

/// <summary>/system/resource, /system/identity, /system/health, /system/reboot, /system/script (print).</summary>
internal static class SystemMenus
{
    public static void Register(CommandRegistry registry)
    {
        Func<CommandContext, Task> resource = ctx => PrintCommand.PrintAsync(ctx, new[] { ctx.State.ResourceRow() });
        registry.Add("/system/resource/print", resource);
        registry.Add("/system/resource/getall", resource);

        Func<CommandContext, Task> identity = ctx => PrintCommand.PrintAsync(ctx, new[] { IdentityRow(ctx.State) });
        registry.Add("/system/identity/print", identity);
        registry.Add("/system/identity/getall", identity);
        registry.Add("/system/identity/set", ctx =>
        {
            ctx.Allow("name");
            string? name = ctx.Arg("name");
            if (name != null)
            {
                ctx.State.Identity = name;
            }

            return Task.CompletedTask;
        });

        Func<CommandContext, Task> health = ctx => PrintCommand.PrintAsync(ctx, ctx.State.HealthRows());
        registry.Add("/system/health/print", health);
        registry.Add("/system/health/getall", health);

        registry.Add("/system/reboot", RebootAsync);

        Func<CommandContext, Task> scripts = ctx => PrintCommand.PrintAsync(ctx, ctx.State.Scripts.Snapshot(), ctx.State.Scripts);
        registry.Add("/system/script/print", scripts, PrintCommand.IsFollow);
        registry.Add("/system/script/getall", scripts, PrintCommand.IsFollow);
    }

    private static readonly RowSchema IdentitySchema = new("name");

    private static Row IdentityRow(RouterState state) => new(IdentitySchema, 0, new string?[] { state.Identity });

    private static async Task RebootAsync(CommandContext ctx)
    {
        ctx.Allow();
        switch (ctx.Simulator.Options.RebootReply)
        {
            case RebootReply.Done:
                ctx.Add(ReplySentence.Done(ctx.Tag));
                break;
            case RebootReply.Fatal:
                // Unverified wording: the reason text of a reboot !fatal is not documented.
                ctx.Add(ReplySentence.Fatal("rebooting"));
                break;
        }

        await ctx.FlushAsync().ConfigureAwait(false);
        ctx.Completed = true;
        ctx.State.AddLog("system,info", "system rebooted by " + (ctx.Session.User ?? "?"));
        ctx.Simulator.BeginReboot();
    }
}
