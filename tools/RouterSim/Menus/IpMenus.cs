using System.Globalization;
using System.Net;

namespace RouterSim;

/// <summary>/ip/address and /ip/firewall/address-list.</summary>
internal static class IpMenus
{
    public static void Register(CommandRegistry registry)
    {
        Func<CommandContext, Task> addressPrint = ctx => PrintCommand.PrintAsync(ctx, ctx.State.IpAddresses.Snapshot(), ctx.State.IpAddresses);
        registry.Add("/ip/address/print", addressPrint, PrintCommand.IsFollow);
        registry.Add("/ip/address/getall", addressPrint, PrintCommand.IsFollow);
        registry.Add("/ip/address/add", AddAddress);
        registry.Add("/ip/address/remove", ctx => Remove(ctx, ctx.State.IpAddresses));

        Func<CommandContext, Task> listPrint = ctx => PrintCommand.PrintAsync(ctx, ctx.State.AddressList.Snapshot(), ctx.State.AddressList);
        registry.Add("/ip/firewall/address-list/print", listPrint, PrintCommand.IsFollow);
        registry.Add("/ip/firewall/address-list/getall", listPrint, PrintCommand.IsFollow);
        registry.Add("/ip/firewall/address-list/add", AddListEntry);
        registry.Add("/ip/firewall/address-list/remove", ctx => Remove(ctx, ctx.State.AddressList));
    }

    private static Task AddAddress(CommandContext ctx)
    {
        ctx.Allow("address", "interface", "network", "disabled", "comment");
        string address = ctx.Arg("address") ?? throw new TrapException(1, "missing value(s) of argument(s) address");
        string iface = ctx.Arg("interface") ?? throw new TrapException(1, "missing value(s) of argument(s) interface");
        if (!TryParsePrefix(address, out IPAddress? ip, out int prefix))
        {
            throw new TrapException(1, "invalid value for argument address");
        }

        if (ctx.State.Interfaces.FindBy("name", iface) == null)
        {
            throw TrapException.NoMatch("interface");
        }

        string normalized = ip + "/" + prefix.ToString(CultureInfo.InvariantCulture);
        foreach (Row row in ctx.State.IpAddresses.Snapshot())
        {
            if (row.Get("address") == normalized && row.Get("interface") == iface)
            {
                throw new TrapException(null, "already have such address");
            }
        }

        bool disabled = ctx.Arg("disabled") is { } d && InterfaceMenu.ParseBool(d, "disabled");
        string comment = ctx.Arg("comment") ?? string.Empty;
        Row added = ctx.State.IpAddresses.Add(
            normalized, ctx.Arg("network") ?? Network(ip!, prefix), iface, iface, "false", "false",
            RouterState.Bool(disabled), comment.Length == 0 ? null : comment);
        ctx.Ret = added.IdText;
        return Task.CompletedTask;
    }

    private static Task AddListEntry(CommandContext ctx)
    {
        ctx.Allow("list", "address", "comment", "disabled", "timeout");
        string list = ctx.Arg("list") ?? throw new TrapException(1, "missing value(s) of argument(s) list");
        string address = ctx.Arg("address") ?? throw new TrapException(1, "missing value(s) of argument(s) address");
        if (list.Length == 0 || address.Length == 0)
        {
            throw new TrapException(1, "invalid value for argument " + (list.Length == 0 ? "list" : "address"));
        }

        foreach (Row row in ctx.State.AddressList.Snapshot())
        {
            if (row.Get("address") == address && row.Get("list") == list)
            {
                throw new TrapException(null, "failure: already have such entry");
            }
        }

        bool disabled = ctx.Arg("disabled") is { } d && InterfaceMenu.ParseBool(d, "disabled");
        string comment = ctx.Arg("comment") ?? string.Empty;
        Row added = ctx.State.AddressList.Add(
            list, address, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            "false", RouterState.Bool(disabled), comment.Length == 0 ? null : comment);
        ctx.Ret = added.IdText;
        return Task.CompletedTask;
    }

    private static Task Remove(CommandContext ctx, MenuTable table)
    {
        ctx.Allow(".id", "numbers");
        foreach (Row row in PrintCommand.ResolveItems(ctx, table, byName: false))
        {
            table.Remove(row.Id);
        }

        return Task.CompletedTask;
    }

    private static bool TryParsePrefix(string text, out IPAddress? ip, out int prefix)
    {
        prefix = 32;
        int slash = text.IndexOf('/');
        string host = slash < 0 ? text : text.Substring(0, slash);
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32))
        {
            ip = null;
            return false;
        }

        return IPAddress.TryParse(host, out ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && host.Count(c => c == '.') == 3;
    }

    private static string Network(IPAddress ip, int prefix)
    {
        byte[] bytes = ip.GetAddressBytes();
        uint value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        uint mask = prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);
        uint net = value & mask;
        return new IPAddress(new[] { (byte)(net >> 24), (byte)(net >> 16), (byte)(net >> 8), (byte)net }).ToString();
    }
}
