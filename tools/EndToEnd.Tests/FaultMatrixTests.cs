using System.Diagnostics;

namespace EndToEnd.Tests;

/// <summary>Each injected fault ends with the right outcome, nothing hangs, and after Faults.Clear() a reconnect works.</summary>
public class FaultMatrixTests
{
    /// <summary>Runs the scenarios against a simulator that tags replies like a router (tag after the reply word).</summary>
    public FaultMatrixTests()
        : this(ReplyTagPosition.AfterReplyWord)
    {
    }

    /// <summary>Runs the scenarios against a simulator that writes <c>.tag=</c> at <paramref name="tagPosition"/>.</summary>
    protected FaultMatrixTests(ReplyTagPosition tagPosition)
    {
        E2E.TagPosition = tagPosition;
    }

    public enum Fault
    {
        StallReplies,
        DropMidSentence,
        ReservedControlByte,
        SlowByteByByteDelivery,
        HangBeforeLogin,
        RefuseConnections,
        WordLargerThanAnyBuffer,
        HighCpuLoad,
    }

    [Theory(Timeout = 60000)]
    [InlineData(Fault.StallReplies)]
    [InlineData(Fault.DropMidSentence)]
    [InlineData(Fault.ReservedControlByte)]
    [InlineData(Fault.SlowByteByByteDelivery)]
    [InlineData(Fault.HangBeforeLogin)]
    [InlineData(Fault.RefuseConnections)]
    [InlineData(Fault.WordLargerThanAnyBuffer)]
    [InlineData(Fault.HighCpuLoad)]
    public Task FaultEndsWithTheRightOutcomeAndAReconnectWorksAfterClear(Fault fault) => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        ClientOptions options = E2E.FastOptions();
        // Short, so a hung login is over quickly; byte-by-byte delivery sleeps per byte, which a
        // loaded 2-core CI machine stretches, so it gets the commands' 10 s instead (seen: 1 s ran out).
        options.LoginTimeoutMilliseconds = fault == Fault.SlowByteByByteDelivery ? 10000 : 1000;
        using var client = new ApiClient(options);
        var table = new RowTable(new[] { "name", "cpu-load" }, 16, 1024);
        var watch = Stopwatch.StartNew();

        switch (fault)
        {
            case Fault.StallReplies:
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                sim.Faults.StallReplies = true;
                Assert.Equal(ErrorCode.Timeout, client.Run(client.NewCommand().Path("/system/identity/print"), table, 300));
                Assert.True(client.IsConnected, "a command timeout leaves the connection up");
                break;

            case Fault.DropMidSentence:
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                sim.Faults.DropNextReplyMidSentence();
                Assert.Equal(ErrorCode.PeerClosed, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
                Assert.Equal(0, table.Count);
                Assert.False(client.IsConnected);
                Assert.Equal(ErrorCode.PeerClosed, client.Error);
                break;

            case Fault.ReservedControlByte:
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                sim.Faults.SendControlByteNext(0xFC);
                Assert.Equal(ErrorCode.ReservedControlByte, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
                Assert.False(client.IsConnected, "the stream cannot be interpreted after a control byte");
                Assert.Equal(ErrorCode.ReservedControlByte, client.Error);
                break;

            case Fault.SlowByteByByteDelivery:
                sim.Faults.SlowDelivery = TimeSpan.FromMilliseconds(1);
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/system/identity/print"), table, 10000));
                Assert.Equal("MikroTik", table.GetString(0, 0));
                Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/system/resource/print").Proplist("cpu-load"), table, 10000));
                Assert.True(table.TryGetInt64(0, 1, out long load) && load == sim.State.CpuLoad);
                break;

            case Fault.HangBeforeLogin:
                sim.Faults.HangBeforeLogin = true;
                var hung = Assert.Throws<MikrotikException>(() => client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password));
                Assert.Equal(ErrorCode.Timeout, hung.Code);
                Assert.False(client.IsConnected);
                break;

            case Fault.RefuseConnections:
                sim.Faults.RefuseConnections = true;
                var refused = Assert.Throws<MikrotikException>(() => E2E.Tcp(sim));
                Assert.Equal(ErrorCode.TransportError, refused.Code);
                break;

            case Fault.WordLargerThanAnyBuffer:
                sim.State.SetInterfaceComment("ether1", new string('c', 64 * 1024));
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                AssertHugeCommentIsDroppedAndTheStreamStaysInSync(client);
                break;

            case Fault.HighCpuLoad:
                client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
                sim.Faults.CpuLoad = 97;
                Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/system/resource/print").Proplist("cpu-load,uptime"), table, 5000));
                Assert.Equal(1, table.Count);
                Assert.True(table.TryGetInt64(0, 1, out long cpu));
                Assert.Equal(97, cpu);
                break;
        }

        Assert.True(watch.ElapsedMilliseconds < 20000, fault + " took " + watch.ElapsedMilliseconds + " ms");

        // Whatever happened, clearing the faults and reconnecting gives a working client.
        sim.Faults.Clear();
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/system/resource/print").Proplist("cpu-load"), table, 5000));
        Assert.True(table.TryGetInt64(0, 1, out long normal));
        Assert.Equal(sim.Options.NormalCpuLoad, normal);
        Assert.Equal("MikroTik", E2E.Identity(client));
        client.Close();
        E2E.WaitUntil(() => sim.SessionCount == 0, "every session to close");
    });

    [Theory(Timeout = 60000)]
    [InlineData(SessionFault.DropMidSentence)]
    [InlineData(SessionFault.Stall)]
    [InlineData(SessionFault.GarbageByte)]
    [InlineData(SessionFault.Hang)]
    public Task ScheduledFaultHitsTheThirdCommandAndTheReconnectFindsAHealthyRouter(SessionFault fault) => E2E.Bounded(() =>
    {
        // (ErrorCode comes from a nanoFramework-compiled assembly: kept out of [InlineData], which
        // xunit's discovery silently drops.)
        ErrorCode expected = fault switch
        {
            SessionFault.DropMidSentence => ErrorCode.PeerClosed,
            SessionFault.GarbageByte => ErrorCode.ReservedControlByte,
            _ => ErrorCode.Timeout,
        };
        using var sim = E2E.StartSim();

        // Login (1 reply) and two identity prints (2 replies each) go through; the third print is hit.
        sim.Faults.Schedule(fault, afterReplies: 5, connections: 1);
        using var client = E2E.Connect(sim);
        Assert.Equal("MikroTik", E2E.Identity(client));
        Assert.Equal("MikroTik", E2E.Identity(client));
        var table = new RowTable(new[] { "name" }, 4, 256);
        Assert.Equal(expected, client.Run(client.NewCommand().Path("/system/identity/print"), table, 500));

        // No Faults.Clear(): the fault was for one connection only.
        client.Close();
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("MikroTik", E2E.Identity(client));
        }
    });

    private static void AssertHugeCommentIsDroppedAndTheStreamStaysInSync(ApiClient client)
    {
        CommandHandle print = client.Send(client.NewCommand().Path("/interface/print"));
        var names = new List<string>();
        int truncated = 0;
        var watch = Stopwatch.StartNew();
        while (print.IsActive && watch.ElapsedMilliseconds < 10000)
        {
            Reply? reply = client.Poll(50);
            if (reply == null || reply.Type != ReplyType.Data)
            {
                continue;
            }

            names.Add(reply.GetString("name"));
            if (reply.AttributeEquals("name", "ether1"))
            {
                Assert.True(reply.IsTruncated, "the 64 KiB word is flagged");
                Assert.Equal(1, reply.DroppedWordCount);
                Assert.False(reply.HasAttribute("comment"));
                Assert.True(reply.AttributeEquals("type", "ether"), "words after the huge one are kept");
                truncated++;
            }
            else
            {
                Assert.False(reply.IsTruncated);
            }
        }

        Assert.Equal(ErrorCode.None, print.Error);
        Assert.Equal(1, truncated);
        Assert.Equal(new[] { "ether1", "ether2", "ether3", "ether4", "ether5", "sfp-sfpplus1", "bridge" }, names);

        // RowTable keeps what arrived of the row and says it lost a word (Truncated: "did not fit",
        // not "absent"); the next command is answered normally.
        var table = new RowTable(new[] { "name", "comment" }, 16, 1024);
        Assert.Equal(ErrorCode.Truncated, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
        Assert.Equal(7, table.Count);
        Assert.Equal("ether1", table.GetString(0, 0));
        Assert.False(table.Has(0, 1));
        Assert.True(table.IsTruncated(0));
        Assert.Equal("MikroTik", E2E.Identity(client));
    }

    /// <summary>The same tests with <c>.tag=</c> as the last word of every reply.</summary>
    public sealed class TagLast : FaultMatrixTests
    {
        /// <summary>Selects the tag-last order.</summary>
        public TagLast()
            : base(ReplyTagPosition.Last)
        {
        }
    }
}
