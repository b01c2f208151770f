namespace RouterSim.Tests;

/// <summary>
/// Faults that fire after N reply sentences on the next K connections (login replies count), so
/// a fault can hit any step of a session and the reconnect after it finds a healthy router.
/// Plain login = 1 reply, each identity print = 2 replies (<c>!re</c>, <c>!done</c>).
/// </summary>
public class ScheduledFaultTests
{
    private static readonly byte[] IdentityRe = RawClient.Encode("!re", "=name=MikroTik");

    [Fact]
    public void Drop_hits_the_third_command_mid_sentence_and_the_reconnect_is_healthy()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.DropMidSentence, afterReplies: 5, connections: 1);
        using (var client = RawClient.LoggedIn(sim.Port))
        {
            AssertIdentity(client);
            AssertIdentity(client);
            client.Send("/system/identity/print");
            byte[] received = ReadToEnd(client);
            Assert.InRange(received.Length, 1, IdentityRe.Length - 1);
            Assert.Equal(IdentityRe.Take(received.Length), received);
        }

        Assert.Equal(0, sim.Faults.ScheduledConnectionsLeft);
        using var again = RawClient.LoggedIn(sim.Port);
        AssertIdentity(again);
        AssertIdentity(again);
        AssertIdentity(again);
    }

    [Fact]
    public void Drop_can_cut_inside_a_reply_batch_after_its_first_sentences()
    {
        // Login (1) + !re (2): the fault cuts the !done of the first print, written in the same batch.
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.DropMidSentence, afterReplies: 2);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/identity/print");
        Assert.Equal(new[] { "!re", "=name=MikroTik" }, client.Read());
        byte[] rest = ReadToEnd(client);
        byte[] done = RawClient.Encode("!done");
        Assert.InRange(rest.Length, 1, done.Length - 1);
    }

    [Fact]
    public void Stall_keeps_the_socket_open_and_answers_nothing_more()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.Stall, afterReplies: 3);
        using (var client = RawClient.LoggedIn(sim.Port))
        {
            AssertIdentity(client);
            client.Send("/system/identity/print");
            Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));
            Assert.Equal(1, sim.SessionCount);
        }

        using var again = RawClient.LoggedIn(sim.Port);
        AssertIdentity(again);
    }

    [Fact]
    public void Garbage_byte_comes_before_the_next_reply_sentence()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.GarbageByte, afterReplies: 3);
        using (var client = RawClient.LoggedIn(sim.Port))
        {
            AssertIdentity(client);
            client.Send("/system/identity/print");
            var received = new List<byte>();
            while (received.Count < 1 + IdentityRe.Length)
            {
                received.AddRange(client.ReadRaw(TimeSpan.FromSeconds(10)));
            }

            Assert.Equal(ReplyWriter.GarbageByte, received[0]);
            Assert.Equal(IdentityRe, received.Skip(1).Take(IdentityRe.Length));
        }

        using var again = RawClient.LoggedIn(sim.Port);
        AssertIdentity(again);
    }

    [Fact]
    public void Hang_at_zero_replies_leaves_the_login_unanswered()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.Hang, afterReplies: 0);
        using (var client = RawClient.Connect(sim.Port))
        {
            client.Send("/login", "=name=admin", "=password=");
            Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));
        }

        using var again = RawClient.LoggedIn(sim.Port);
        AssertIdentity(again);
    }

    [Fact]
    public void Hang_stops_reading_so_even_quit_is_ignored()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.Hang, afterReplies: 1);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/identity/print");
        Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));

        // A stalled session would still act on /quit; a hung one reads nothing.
        client.Send("/quit");
        Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(1, sim.SessionCount);
    }

    [Fact]
    public void Fault_hits_the_first_K_connections_only()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.DropMidSentence, afterReplies: 1, connections: 2);
        for (int i = 0; i < 2; i++)
        {
            using var faulted = RawClient.LoggedIn(sim.Port);
            faulted.Send("/system/identity/print");
            Assert.InRange(ReadToEnd(faulted).Length, 1, IdentityRe.Length - 1);
        }

        using var healthy = RawClient.LoggedIn(sim.Port);
        AssertIdentity(healthy);
    }

    [Fact]
    public void Clear_disarms_a_schedule()
    {
        using var sim = Sim.Start();
        sim.Faults.Schedule(SessionFault.Stall, afterReplies: 0, connections: 5);
        sim.Faults.Clear();
        using var client = RawClient.LoggedIn(sim.Port);
        AssertIdentity(client);
    }

    [Theory]
    [InlineData("drop:3", SessionFault.DropMidSentence, 3, 1)]
    [InlineData("stall:0:4", SessionFault.Stall, 0, 4)]
    [InlineData("garbage:7:2", SessionFault.GarbageByte, 7, 2)]
    [InlineData("hang:1", SessionFault.Hang, 1, 1)]
    public void Cli_and_scenario_syntax(string text, SessionFault kind, int after, int connections)
    {
        Assert.Equal((kind, after, connections), Cli.CliOptions.ParseFault(text));
        Assert.Equal(text, Scenario.Parse("1s fault " + text).Steps[0].Arguments[0]);
        Assert.Throws<FormatException>(() => Cli.CliOptions.ParseFault("melt:1"));
        Assert.Throws<FormatException>(() => Scenario.Parse("1s fault drop"));
    }

    private static void AssertIdentity(RawClient client)
    {
        client.Send("/system/identity/print");
        Assert.Equal(new[] { "!re", "=name=MikroTik" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    private static byte[] ReadToEnd(RawClient client)
    {
        var received = new List<byte>();
        byte[] chunk;
        while ((chunk = client.ReadRaw(TimeSpan.FromSeconds(10))).Length > 0)
        {
            received.AddRange(chunk);
        }

        return received.ToArray();
    }
}
