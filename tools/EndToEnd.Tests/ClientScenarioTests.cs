using System.Collections.Concurrent;
using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>The Device issue's scenarios, over TCP on loopback against the in-process simulator.</summary>
public class ClientScenarioTests
{
    /// <summary>Runs the scenarios against a simulator that tags replies like a router (tag after the reply word).</summary>
    public ClientScenarioTests()
        : this(ReplyTagPosition.AfterReplyWord)
    {
    }

    /// <summary>Runs the scenarios against a simulator that writes <c>.tag=</c> at <paramref name="tagPosition"/>.</summary>
    protected ClientScenarioTests(ReplyTagPosition tagPosition)
    {
        E2E.TagPosition = tagPosition;
    }

    [Fact(Timeout = 60000)]
    public Task PlainLoginThenReadIdentity() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.Identity = "core-router");
        using var client = E2E.Connect(sim);
        Assert.True(client.IsConnected);
        Assert.Equal("core-router", E2E.Identity(client));
        client.Close();
        E2E.WaitUntil(() => sim.SessionCount == 0, "the session to close");
    });

    [Fact(Timeout = 60000)]
    public Task LegacyLoginAnswersTheChallenge() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o =>
        {
            o.LegacyLogin = true;
            o.RosVersion = "6.42.12";
            o.Users["api"] = "secret";
        });
        using var client = new ApiClient(E2E.FastOptions());
        client.Connect(E2E.Tcp(sim), "api", "secret");
        Assert.True(client.IsConnected);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task LegacyLoginWithWrongPasswordIsRefused() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o =>
        {
            o.LegacyLogin = true;
            o.Users["api"] = "secret";
        });
        using var client = new ApiClient(E2E.FastOptions());
        var e = Assert.Throws<MikrotikException>(() => client.Connect(E2E.Tcp(sim), "api", "wrong"));
        Assert.Equal(ErrorCode.LoginRefused, e.Code);
        Assert.Equal("cannot log in", e.Message);
        Assert.False(client.IsConnected);
    });

    [Fact(Timeout = 60000)]
    public Task RefusedLoginThrowsLoginRefusedWithTheRoutersMessage() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = new ApiClient(E2E.FastOptions());
        var e = Assert.Throws<MikrotikException>(() => client.Connect(E2E.Tcp(sim), "admin", "wrong"));
        Assert.Equal(ErrorCode.LoginRefused, e.Code);
        Assert.Equal("invalid user name or password (6)", e.Message);
        Assert.False(client.IsConnected);
        Assert.Equal(ErrorCode.LoginRefused, client.Error);
        E2E.WaitUntil(() => sim.SessionCount == 0, "the refused session to close");

        // The same client logs in once the credentials are right.
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task EightPingsInFlightAreRoutedByTagWithThePump() => E2E.Bounded(() =>
    {
        const int count = 25;
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        client.StartPump();

        // Each command pings its own address; its handler checks every reply against that address.
        var seqs = new ConcurrentDictionary<string, List<int>>();
        var wrongHost = 0;
        var ended = new CountdownEvent(8);
        var handles = new CommandHandle[8];
        var addresses = new string[8];
        var buffer = new CommandBuffer(256);
        for (int i = 0; i < 8; i++)
        {
            string address = "10.9.0." + (i + 1);
            addresses[i] = address;
            ReplyHandler handler = (command, reply) =>
            {
                if (reply == null || reply.Type == ReplyType.Done)
                {
                    ended.Signal();
                    return;
                }

                if (reply.Type == ReplyType.Data)
                {
                    if (!reply.AttributeEquals("host", address) || !reply.TryGetInt32("seq", out int seq))
                    {
                        Interlocked.Increment(ref wrongHost);
                        return;
                    }

                    seqs.GetOrAdd(address, _ => new List<int>()).Add(seq);
                }
            };
            handles[i] = client.Send(buffer.Begin().Path("/ping").Attribute("address", address).Attribute("count", count), handler, 20000);
        }

        Assert.True(ended.Wait(TimeSpan.FromSeconds(30)), "all eight pings end");
        Assert.Equal(0, wrongHost);
        Assert.Equal(8, seqs.Count);
        for (int i = 0; i < 8; i++)
        {
            CommandHandle handle = handles[i];
            Assert.Equal(Enumerable.Range(0, count), seqs[addresses[i]]);
            Assert.False(handle.IsActive);
            Assert.Equal(ErrorCode.None, handle.Error);
        }

        Assert.Equal(0, client.UnroutedReplyCount);
        client.Close();
        Assert.False(client.IsPumpRunning, "Close joins the pump");
    });

    [Fact(Timeout = 60000)]
    public Task EightPrintsOfDifferentMenusInFlightAtOnceInPollMode() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.AddressListRows = 300);
        using var client = E2E.Connect(sim);
        string[] paths =
        {
            "/interface/print", "/ip/address/print", "/ip/firewall/address-list/print", "/log/print",
            "/system/resource/print", "/system/identity/print", "/system/health/print", "/interface/getall",
        };
        int[] expected = { 7, 1, 300, -1, 1, 1, 3, 7 };
        var rows = new int[paths.Length];
        var done = new bool[paths.Length];
        var tagToIndex = new Dictionary<int, int>();
        var buffer = new CommandBuffer(256);
        for (int i = 0; i < paths.Length; i++)
        {
            tagToIndex[client.Send(buffer.Begin().Path(paths[i])).Tag] = i;
        }

        var watch = Stopwatch.StartNew();
        while (done.Contains(false) && watch.ElapsedMilliseconds < 20000)
        {
            Reply? reply = client.Poll(50);
            if (reply == null)
            {
                continue;
            }

            int index = tagToIndex[reply.Tag];
            Assert.False(done[index], "no reply after a command's !done");
            if (reply.Type == ReplyType.Data)
            {
                rows[index]++;
            }
            else if (reply.Type == ReplyType.Done)
            {
                done[index] = true;
            }
        }

        Assert.All(done, Assert.True);
        for (int i = 0; i < paths.Length; i++)
        {
            if (expected[i] >= 0)
            {
                Assert.True(expected[i] == rows[i], paths[i] + ": " + rows[i] + " rows");
            }
            else
            {
                Assert.True(rows[i] > 0, paths[i] + " has rows");
            }
        }

        Assert.Equal(0, client.UnroutedReplyCount);
    });

    [Fact(Timeout = 60000)]
    public Task DisposingAFollowOnlyLogPrintCancelsItAndTheConnectionStaysUsable() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow-only"));
        int rows = 0;
        var watch = Stopwatch.StartNew();
        while (rows < 3 && watch.ElapsedMilliseconds < 10000)
        {
            sim.State.AddLog("script,info", "line " + rows);
            Reply? reply = client.Poll(50);
            if (reply != null && reply.Type == ReplyType.Data)
            {
                Assert.Equal(log.Tag, reply.Tag);
                rows++;
            }
        }

        Assert.Equal(3, rows);
        Assert.True(log.IsActive);
        log.Dispose();
        Assert.False(log.IsActive, "a disposed handle is inactive at once");
        log.Dispose();

        sim.State.AddLog("script,info", "after cancel");
        var table = new RowTable(new[] { "name", "running" }, 16, 1024);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
        Assert.Equal(7, table.Count);
        Assert.True(table.ValueEquals(4, table.ColumnOf("running"), "false"), "ether5 is down");
        Assert.Equal(0, client.UnroutedReplyCount);
        Assert.True(client.IsConnected);
    });

    [Fact(Timeout = 60000)]
    public Task DisposingAnInterfaceListenWithThePumpStopsItsReplies() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        client.StartPump();
        int rows = 0;
        int nulls = 0;
        CommandHandle listen = client.Send(client.NewCommand().Path("/interface/listen"), (command, reply) =>
        {
            if (reply == null)
            {
                Interlocked.Increment(ref nulls);
            }
            else if (reply.Type == ReplyType.Data)
            {
                Interlocked.Increment(ref rows);
            }
        }, 0);

        bool up = false;
        E2E.WaitUntil(() =>
        {
            up = !up;
            sim.State.SetInterfaceRunning("ether5", up);
            return Volatile.Read(ref rows) >= 2;
        }, "listen rows");
        listen.Dispose();
        Assert.False(listen.IsActive);
        int seen = Volatile.Read(ref rows);

        // Changes after the dispose reach nobody; the connection still answers.
        sim.State.SetInterfaceRunning("ether5", !up);
        Assert.Equal("MikroTik", E2E.Identity(client));
        Assert.Equal(seen, Volatile.Read(ref rows));
        Assert.Equal(0, Volatile.Read(ref nulls));
        Assert.Equal(0, client.UnroutedReplyCount);
        client.Close();
        Assert.False(client.IsPumpRunning);
    });

    private static List<ReplyType> PolledReplyTypes(ApiClient client, CommandWriter command)
    {
        var types = new List<ReplyType>();
        CommandHandle handle = client.Send(command);
        var watch = Stopwatch.StartNew();
        while (handle.IsActive && watch.ElapsedMilliseconds < 10000)
        {
            Reply? reply = client.Poll(50);
            if (reply != null)
            {
                types.Add(reply.Type);
            }
        }

        Assert.False(handle.IsActive);
        Assert.Equal(ErrorCode.None, handle.Error);
        return types;
    }

    [Fact(Timeout = 60000)]
    public Task PrintMatchingNothingOn7_19GivesEmptyThenDoneAndZeroRows() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.RosVersion = "7.19.3");
        using var client = E2E.Connect(sim);
        Assert.Equal(
            new[] { ReplyType.Empty, ReplyType.Done },
            PolledReplyTypes(client, client.NewCommand().Path("/ip/address/print").QueryEquals("address", "203.0.113.9/32")));

        var table = new RowTable(new[] { "address" }, 4, 128);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/ip/address/print").QueryEquals("address", "203.0.113.9/32"), table, 5000));
        Assert.Equal(0, table.Count);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task PrintMatchingNothingOn7_17GivesAPlainDone() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.RosVersion = "7.17");
        using var client = E2E.Connect(sim);
        Assert.Equal(
            new[] { ReplyType.Done },
            PolledReplyTypes(client, client.NewCommand().Path("/ip/address/print").QueryEquals("address", "203.0.113.9/32")));
        var table = new RowTable(new[] { "address" }, 4, 128);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/ip/address/print").QueryEquals("address", "203.0.113.9/32"), table, 5000));
        Assert.Equal(0, table.Count);
    });

    [Fact(Timeout = 60000)]
    public Task DuplicateAddressAddIsATrapWithTheRoutersMessageAndTheConnectionStaysUsable() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        var table = new RowTable(new[] { "ret" }, 2, 128);
        ErrorCode result = client.Run(
            client.NewCommand().Path("/ip/address/add").Attribute("address", "192.168.88.1/24").Attribute("interface", "bridge"), table, 5000);
        Assert.Equal(ErrorCode.Trap, result);
        Assert.Equal("already have such address", table.TrapMessage);

        var e = Assert.Throws<MikrotikException>(() => client.ReadString(client.NewCommand().Path("/ip/nothing/print"), "name", 5000));
        Assert.Equal(ErrorCode.Trap, e.Code);
        Assert.Equal("no such command or directory (nothing)", e.Message); // the first of RouterOS 7's two traps

        // The trap and its !done were consumed in order: the next command gets only its own replies.
        Assert.True(client.IsConnected);
        Assert.Equal("MikroTik", E2E.Identity(client));
        Assert.Equal(0, client.UnroutedReplyCount);
    });

    [Fact(Timeout = 60000)]
    public Task QuitGivesFatalWhichEndsTheConnectionAndEveryCommand() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        int nulls = 0;
        ReplyHandler handler = (command, reply) =>
        {
            if (reply == null)
            {
                nulls++;
            }
        };
        using CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow-only"), handler, 0);
        _ = client.Send(client.NewCommand().Path("/quit"), handler, 0);
        E2E.PollUntilDisconnected(client, 10000);

        Assert.False(client.IsConnected);
        Assert.Equal(ErrorCode.Fatal, client.Error);
        Assert.False(log.IsActive);
        Assert.Equal(ErrorCode.Fatal, log.Error);
        Assert.Equal(2, nulls);
        var e = Assert.Throws<MikrotikException>(() => client.Send(client.NewCommand().Path("/system/identity/print")));
        Assert.Equal(ErrorCode.ConnectionClosed, e.Code);
        E2E.WaitUntil(() => sim.SessionCount == 0, "the session to close");
    });

    [Fact(Timeout = 60000)]
    public Task PeerClosingMidSentenceEndsTheCommandWithPeerClosed() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        sim.Faults.DropNextReplyMidSentence();
        var table = new RowTable(new[] { "name" }, 16, 1024);
        Assert.Equal(ErrorCode.PeerClosed, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
        Assert.Equal(0, table.Count);
        Assert.False(client.IsConnected);
        Assert.Equal(ErrorCode.PeerClosed, client.Error);
    });

    [Fact(Timeout = 60000)]
    public Task StalledRouterTimesTheCommandOutThenKeepaliveDeclaresTheConnectionDead() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        ClientOptions options = E2E.FastOptions();
        options.Connection.KeepaliveIdleMilliseconds = 300;
        options.Connection.KeepaliveTimeoutMilliseconds = 300;
        using var client = E2E.Connect(sim, options);
        sim.Faults.StallReplies = true;

        var table = new RowTable(new[] { "name" }, 16, 1024);
        Assert.Equal(ErrorCode.Timeout, client.Run(client.NewCommand().Path("/interface/print"), table, 300));
        Assert.True(client.IsConnected, "a command timeout alone does not end the connection");

        var watch = Stopwatch.StartNew();
        E2E.PollUntilDisconnected(client, 10000);
        Assert.False(client.IsConnected);
        Assert.Equal(ErrorCode.KeepaliveTimeout, client.Error);

        // Idle 300 ms (measured from the last byte, before the stalled command) + 300 ms unanswered.
        Assert.True(watch.ElapsedMilliseconds < 5000, "detected in " + watch.ElapsedMilliseconds + " ms");
    });

    [Fact(Timeout = 60000)]
    public Task TooManyRowsForTheCallersTableIsStorageFullAndTheConnectionStaysUsable() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.AddressListRows = 2000);
        using var client = E2E.Connect(sim);
        var small = new RowTable(new[] { "address" }, 10, 1024);
        Assert.Equal(ErrorCode.StorageFull, client.Run(client.NewCommand().Path("/ip/firewall/address-list/print"), small, 5000));
        Assert.Equal(10, small.Count);
        Assert.Equal("10.0.0.1", small.GetString(0, 0));
        Assert.Equal("10.0.0.10", small.GetString(9, 0));

        // The rest of the print is cancelled and consumed; the next command gets only its own replies.
        Assert.True(client.IsConnected);
        Assert.Equal("MikroTik", E2E.Identity(client));
        var table = new RowTable(new[] { "name" }, 16, 1024);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
        Assert.Equal(7, table.Count);
        Assert.Equal(0, client.UnroutedReplyCount);
    });

    [Fact(Timeout = 60000)]
    public Task AfterTheRouterDropsTheConnectionAReconnectLoopWithBackoffLogsInAgain() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        using var client = E2E.Connect(sim);
        using CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow-only"));

        sim.Faults.RefuseConnections = true;
        E2E.PollUntilDisconnected(client, 10000);
        Assert.False(client.IsConnected);
        Assert.Equal(ErrorCode.PeerClosed, client.Error);
        Assert.False(log.IsActive);
        Assert.Equal(ErrorCode.PeerClosed, log.Error);

        var policy = new ReconnectPolicy(10, 80, seed: 42);
        int failures = 0;
        var watch = Stopwatch.StartNew();
        while (!client.IsConnected && watch.ElapsedMilliseconds < 20000)
        {
            if (failures == 3)
            {
                sim.Faults.RefuseConnections = false;
            }

            try
            {
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                policy.Reset();
            }
            catch (MikrotikException e)
            {
                Assert.Equal(ErrorCode.TransportError, e.Code);
                failures++;
                Thread.Sleep(policy.NextDelayMilliseconds());
            }
        }

        Assert.True(client.IsConnected);
        Assert.Equal(3, failures);
        Assert.Equal(0, policy.Attempts);
        Assert.False(log.IsActive);
        Assert.Equal(ErrorCode.PeerClosed, log.Error);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task AfterARebootTheReconnectLoopLogsInToTheFreshRouter() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.RebootDowntime = TimeSpan.FromMilliseconds(300));
        using var client = E2E.Connect(sim);
        var table = new RowTable(new[] { "uptime" }, 1, 64);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/system/resource/print"), table, 5000));
        string before = table.GetString(0, 0);

        ErrorCode rebootResult = client.Run(client.NewCommand().Path("/system/reboot"), table, 5000);
        Assert.True(rebootResult is ErrorCode.None or ErrorCode.PeerClosed, rebootResult.ToString());
        E2E.PollUntilDisconnected(client, 10000);
        Assert.Equal(ErrorCode.PeerClosed, client.Error);

        var policy = new ReconnectPolicy(20, 200, seed: 7);
        var watch = Stopwatch.StartNew();
        while (!client.IsConnected && watch.ElapsedMilliseconds < 20000)
        {
            try
            {
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                policy.Reset();
            }
            catch (MikrotikException e)
            {
                Assert.Equal(ErrorCode.TransportError, e.Code);
                Thread.Sleep(policy.NextDelayMilliseconds());
            }
        }

        Assert.True(client.IsConnected);
        Assert.Equal(1, sim.BootCount);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/system/resource/print"), table, 5000));
        Assert.NotEqual(before, table.GetString(0, 0));
    });

    /// <summary>The same tests with <c>.tag=</c> as the last word of every reply.</summary>
    public sealed class TagLast : ClientScenarioTests
    {
        /// <summary>Selects the tag-last order.</summary>
        public TagLast()
            : base(ReplyTagPosition.Last)
        {
        }
    }
}
