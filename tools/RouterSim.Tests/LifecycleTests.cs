using System.Net;
using System.Net.Sockets;

namespace RouterSim.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Dispose_closes_listeners_sessions_and_streaming_commands()
    {
        var sim = Sim.Start(o => o.TlsPort = 0);
        int port = sim.Port;
        using var a = RawClient.LoggedIn(port);
        using var b = RawClient.LoggedIn(port);
        a.Send("/log/print", "=follow=", ".tag=f");
        b.Send("/ping", "=address=192.0.2.7", ".tag=p");
        b.Read();
        Assert.Equal(2, sim.SessionCount);

        await sim.DisposeAsync();

        Assert.True(a.WaitClosed(TimeSpan.FromSeconds(10)));
        Assert.True(b.WaitClosed(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, sim.SessionCount);
        Assert.False(Sim.CanConnect(port));

        // The port is free again: nothing kept the listening socket.
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        listener.Stop();
    }

    [Fact]
    public void Cli_rejects_bad_arguments()
    {
        Assert.Throws<FormatException>(() => RouterSim.Cli.CliOptions.Parse(new[] { "--port" }));
        Assert.Throws<FormatException>(() => RouterSim.Cli.CliOptions.Parse(new[] { "--frobnicate" }));
        var o = RouterSim.Cli.CliOptions.Parse(new[] { "--user", "a", "--password", "x", "--user", "b", "--password", "y", "--legacy-login", "--time-scale", "10", "--reboot-downtime", "1m" });
        Assert.Equal("y", o.Simulator.Users["b"]);
        Assert.True(o.Simulator.LegacyLogin);
        Assert.Equal(TimeSpan.FromMinutes(1), o.Simulator.RebootDowntime);
    }
}
