using System.Globalization;

namespace RouterSim;

/// <summary><c>/ping</c>: one <c>!re</c> per probe, lost probes per <see cref="RouterState.PingTargets"/>.</summary>
internal static class PingCommand
{
    public static void Register(CommandRegistry registry)
    {
        // Always in the background: probes are spaced by the interval, and without =count= it never ends.
        registry.Add("/ping", PingAsync, _ => true);
    }

    /// <summary>Deterministic loss: probe i is lost when the running loss budget crosses a whole probe.</summary>
    internal static bool IsLost(int probe, int lossPercent) =>
        (probe + 1) * lossPercent / 100 > probe * lossPercent / 100;

    private static async Task PingAsync(CommandContext ctx)
    {
        ctx.Allow("address", "count", "interval", "size", "ttl", "src-address", "interface", "do-not-fragment", "routing-table", "arp-ping");
        string address = ctx.Arg("address") ?? throw new TrapException(1, "missing value(s) of argument(s) address");
        int count = int.MaxValue;
        if (ctx.Arg("count") is { } countText &&
            (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
        {
            throw new TrapException(1, "value of count out of range (1..4294967295)");
        }

        TimeSpan interval = ctx.Simulator.Options.PingInterval;
        if (ctx.Arg("interval") is { } intervalText)
        {
            try
            {
                interval = RouterDuration.Parse(intervalText);
            }
            catch (FormatException)
            {
                throw new TrapException(1, "invalid value for argument interval");
            }
        }

        string size = ctx.Arg("size") ?? "56";
        bool v7 = ctx.State.VersionAtLeast(7, 0);
        PingTarget target = ctx.State.PingTargets.TryGetValue(address, out PingTarget? t) ? t : new PingTarget(0, TimeSpan.FromMicroseconds(412));
        int received = 0;
        TimeSpan sum = TimeSpan.Zero;
        for (int i = 0; i < count; i++)
        {
            bool lost = IsLost(i, target.LossPercent);
            var row = new List<KeyValuePair<string, string>>
            {
                new("seq", i.ToString(CultureInfo.InvariantCulture)),
                new("host", address),
            };
            if (lost)
            {
                row.Add(new("status", "timeout"));
            }
            else
            {
                received++;
                sum += target.Rtt;
                row.Add(new("size", size));
                row.Add(new("ttl", "64"));
                row.Add(new("time", RouterDuration.FormatRtt(target.Rtt, v7)));
            }

            int sent = i + 1;
            row.Add(new("sent", sent.ToString(CultureInfo.InvariantCulture)));
            row.Add(new("received", received.ToString(CultureInfo.InvariantCulture)));
            row.Add(new("packet-loss", ((sent - received) * 100 / sent).ToString(CultureInfo.InvariantCulture)));
            if (received > 0)
            {
                string rtt = RouterDuration.FormatRtt(sum / received, v7);
                row.Add(new("min-rtt", RouterDuration.FormatRtt(target.Rtt, v7)));
                row.Add(new("avg-rtt", rtt));
                row.Add(new("max-rtt", RouterDuration.FormatRtt(target.Rtt, v7)));
            }

            ctx.AddRe(row);
            await ctx.FlushAsync().ConfigureAwait(false);
            if (i + 1 < count)
            {
                await ctx.Simulator.Clock.Delay(interval, ctx.Cancellation).ConfigureAwait(false);
            }
        }
    }
}
