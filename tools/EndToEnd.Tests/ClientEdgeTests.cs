using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>Edges around the Device issue's scenarios: cancel, tag exhaustion, close under a blocked caller, reboot replies.</summary>
public class ClientEdgeTests
{
    /// <summary>Runs the scenarios against a simulator that tags replies like a router (tag after the reply word).</summary>
    public ClientEdgeTests()
        : this(ReplyTagPosition.AfterReplyWord)
    {
    }

    /// <summary>Runs the scenarios against a simulator that writes <c>.tag=</c> at <paramref name="tagPosition"/>.</summary>
    protected ClientEdgeTests(ReplyTagPosition tagPosition)
    {
        E2E.TagPosition = tagPosition;
    }

    [Fact(Timeout = 60000)]
    public Task CancelOnAHandleDeliversInterruptedTrapThenDone() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        client.StartPump();
        var types = new List<ReplyType>();
        string? message = null;
        int category = -2;
        using var ended = new ManualResetEventSlim();
        using CommandHandle ping = client.Send(client.NewCommand().Path("/ping").Attribute("address", "10.1.1.1"), (command, reply) =>
        {
            if (reply == null)
            {
                ended.Set();
                return;
            }

            lock (types)
            {
                types.Add(reply.Type);
            }

            if (reply.Type == ReplyType.Trap)
            {
                message = reply.GetString("message");
                category = reply.Category;
            }
            else if (reply.Type == ReplyType.Done)
            {
                ended.Set();
            }
        }, 0);

        E2E.WaitUntil(() => { lock (types) { return types.Count >= 3; } }, "ping replies");
        ping.Cancel();
        Assert.True(ended.Wait(TimeSpan.FromSeconds(10)), "the cancelled ping ends");
        Assert.Equal("interrupted", message);
        Assert.Equal(2, category);
        lock (types)
        {
            Assert.Equal(ReplyType.Trap, types[^2]);
            Assert.Equal(ReplyType.Done, types[^1]);
        }

        Assert.False(ping.IsActive);
        Assert.Equal(ErrorCode.Trap, ping.Error);
        Assert.Equal("MikroTik", E2E.Identity(client));
        Assert.Equal(0, client.UnroutedReplyCount);
    });

    [Fact(Timeout = 60000)]
    public Task ANinthConcurrentCommandIsRefusedWithTagTableFullUntilOneEnds() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        var buffer = new CommandBuffer(256);
        var handles = new CommandHandle[8];
        for (int i = 0; i < 8; i++)
        {
            handles[i] = client.Send(buffer.Begin().Path("/ping").Attribute("address", "10.2.0." + (i + 1)));
        }

        var e = Assert.Throws<MikrotikException>(() => client.Send(buffer.Begin().Path("/system/identity/print")));
        Assert.Equal(ErrorCode.TagTableFull, e.Code);
        Assert.True(client.IsConnected);

        // A disposed command's slot stays reserved until the router's !done for it is read (so a late
        // reply can never be routed to a newer command): in poll mode, poll until the slot is back.
        handles[3].Dispose();
        CommandHandle identity = default;
        bool sent = false;
        var watch = Stopwatch.StartNew();
        while (!sent && watch.ElapsedMilliseconds < 10000)
        {
            try
            {
                identity = client.Send(buffer.Begin().Path("/system/identity/print"));
                sent = true;
            }
            catch (MikrotikException busy) when (busy.Code == ErrorCode.TagTableFull)
            {
                Assert.Null(client.Poll(20) is { } r && r.Tag == handles[3].Tag ? r : null);
            }
        }

        Assert.True(sent, "the disposed command's slot came back");
        bool named = false;
        watch.Restart();
        while (identity.IsActive && watch.ElapsedMilliseconds < 10000)
        {
            Reply? reply = client.Poll(50);
            if (reply != null && reply.Tag == identity.Tag && reply.Type == ReplyType.Data)
            {
                named = reply.AttributeEquals("name", "MikroTik");
            }
        }

        Assert.True(named);
        foreach (CommandHandle handle in handles)
        {
            handle.Dispose();
        }

        Assert.True(client.IsConnected);
    });

    [Fact(Timeout = 60000)]
    public Task CloseWhileAnotherThreadWaitsInRunEndsThatRunWithClosedLocally() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        client.StartPump();
        sim.Faults.StallReplies = true;
        var table = new RowTable(new[] { "name" }, 4, 256);
        ErrorCode result = ErrorCode.None;
        var runner = new Thread(() => result = client.Run(client.NewCommand().Path("/system/identity/print"), table, 0));
        runner.Start();
        E2E.WaitUntil(() => runner.ThreadState == System.Threading.ThreadState.WaitSleepJoin, "Run to block");
        Thread.Sleep(50);
        client.Close();
        Assert.True(runner.Join(TimeSpan.FromSeconds(10)), "Run returns after Close");
        Assert.Equal(ErrorCode.ClosedLocally, result);
        Assert.False(client.IsPumpRunning);
    });

    [Fact(Timeout = 60000)]
    public Task KeepaliveDetectsAStalledRouterWhilePumpingAndAReconnectFollows() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        ClientOptions options = E2E.FastOptions();
        options.Connection.KeepaliveIdleMilliseconds = 200;
        // Generous: the first answer of a freshly started simulator (JIT, a busy 2-core CI
        // machine running other test classes in parallel) can take a few hundred milliseconds.
        options.Connection.KeepaliveTimeoutMilliseconds = 2000;
        using var client = E2E.Connect(sim, options);
        client.StartPump();

        // Idle but healthy: keepalives are answered, the connection stays up.
        Thread.Sleep(1000);
        Assert.True(client.IsConnected, "ended with " + client.Error);

        sim.Faults.StallReplies = true;
        E2E.WaitUntil(() => !client.IsConnected, "keepalive to declare the router dead");
        Assert.Equal(ErrorCode.KeepaliveTimeout, client.Error);
        E2E.WaitUntil(() => !client.IsPumpRunning, "the pump to stop by itself");
        client.StopPump();

        sim.Faults.Clear();
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Theory(Timeout = 60000)]
    [InlineData(RebootReply.Done)]
    [InlineData(RebootReply.None)]
    [InlineData(RebootReply.Fatal)]
    public Task EveryWayARouterAnswersRebootEndsTheConnection(RebootReply reply) => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.RebootReply = reply);
        using var client = E2E.Connect(sim);
        var table = new RowTable(new[] { "name" }, 1, 64);
        ErrorCode result = client.Run(client.NewCommand().Path("/system/reboot"), table, 5000);
        Assert.True(result is ErrorCode.None or ErrorCode.PeerClosed or ErrorCode.Fatal, result.ToString());
        E2E.PollUntilDisconnected(client, 10000);
        Assert.False(client.IsConnected);
        Assert.True(client.Error is ErrorCode.PeerClosed or ErrorCode.Fatal, client.Error.ToString());
        if (reply == RebootReply.Fatal)
        {
            Assert.Equal(ErrorCode.Fatal, client.Error);
        }

        E2E.WaitUntil(() => sim.BootCount == 1, "the router to come back");
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task HangBeforeLoginOverTlsTimesOutTheLogin() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.TlsPort = 0);
        sim.Faults.HangBeforeLogin = true;
        ClientOptions options = E2E.FastOptions();
        options.LoginTimeoutMilliseconds = 500;
        using var client = new ApiClient(options);
        var tls = TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = sim.Certificate }, 5000);
        var e = Assert.Throws<MikrotikException>(() => client.Connect(tls, E2E.User, E2E.Password));
        Assert.Equal(ErrorCode.Timeout, e.Code);
        Assert.False(client.IsConnected);
    });

    /// <summary>The same tests with <c>.tag=</c> as the last word of every reply.</summary>
    public sealed class TagLast : ClientEdgeTests
    {
        /// <summary>Selects the tag-last order.</summary>
        public TagLast()
            : base(ReplyTagPosition.Last)
        {
        }
    }
}
