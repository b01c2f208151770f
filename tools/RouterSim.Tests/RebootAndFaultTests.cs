using System.Diagnostics;

namespace RouterSim.Tests;

public class RebootAndFaultTests
{
    [Fact]
    public void Reboot_answers_done_drops_refuses_then_comes_back_with_uptime_reset_and_normal_cpu()
    {
        var clock = new ManualClock();
        using var sim = Sim.Start(o =>
        {
            o.Clock = clock;
            o.RebootDowntime = TimeSpan.FromSeconds(30);
        });
        sim.Faults.CpuLoad = 100;
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/reboot", ".tag=r");
        Assert.Equal(new[] { "!done", ".tag=r" }, client.Read());
        Assert.True(client.WaitClosed(TimeSpan.FromSeconds(10)));
        Sim.WaitUntil(() => !Sim.CanConnect(sim.Port), "listener closed");
        Assert.True(sim.IsRebooting);

        clock.Advance(TimeSpan.FromSeconds(31));
        Sim.WaitUntil(() => !sim.IsRebooting && Sim.CanConnect(sim.Port), "router back");
        Assert.Equal(1, sim.BootCount);
        using var again = RawClient.LoggedIn(sim.Port);
        again.Send("/system/resource/print", "=.proplist=uptime,cpu-load");
        List<string> row = again.Read();
        Assert.Equal("0s", RawClient.Attr(row, "uptime"));
        Assert.Equal("4", RawClient.Attr(row, "cpu-load"));
    }

    [Theory]
    [InlineData(RebootReply.None)]
    [InlineData(RebootReply.Fatal)]
    public void Reboot_reply_is_configurable(RebootReply reply)
    {
        using var sim = Sim.Start(o => o.RebootReply = reply);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/reboot");
        List<string>? first = client.TryRead(TimeSpan.FromSeconds(10));
        if (reply == RebootReply.None)
        {
            Assert.Null(first);
        }
        else
        {
            Assert.Equal("!fatal", first![0]);
        }
    }

    [Fact]
    public void Cpu_load_fault_is_reported()
    {
        using var sim = Sim.Start();
        sim.Faults.CpuLoad = 97;
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/resource/print", "=.proplist=cpu-load");
        Assert.Equal(new[] { "!re", "=cpu-load=97" }, client.Read());
    }

    [Fact]
    public void Stalled_replies_keep_the_socket_open_but_never_answer()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        sim.Faults.StallReplies = true;
        client.Send("/system/identity/print");
        Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));
        sim.Faults.StallReplies = false;
        client.Send("/system/identity/print");
        Assert.Equal("!re", client.Read()[0]);
    }

    [Fact]
    public void Hang_before_login_never_answers_login()
    {
        using var sim = Sim.Start();
        sim.Faults.HangBeforeLogin = true;
        using var client = RawClient.Connect(sim.Port);
        client.Send("/login", "=name=admin", "=password=");
        Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Drop_mid_sentence_cuts_a_reply_and_closes()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        sim.Faults.DropNextReplyMidSentence();
        client.Send("/system/identity/print");
        var received = new List<byte>();
        byte[] chunk;
        while ((chunk = client.ReadRaw(TimeSpan.FromSeconds(10))).Length > 0)
        {
            received.AddRange(chunk);
        }

        byte[] full = RawClient.Encode("!re", "=name=MikroTik");
        Assert.InRange(received.Count, 1, full.Length - 1);
        Assert.Equal(full.Take(received.Count), received);
    }

    [Fact]
    public void Control_byte_fault_sends_a_reserved_byte()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        sim.Faults.SendControlByteNext(0xFC);
        client.Send("/system/identity/print");
        // The control byte replaces the next write; whatever follows cannot be interpreted anyway.
        Assert.Equal(0xFC, client.ReadRaw(TimeSpan.FromSeconds(10))[0]);
    }

    [Fact]
    public void Slow_delivery_sends_one_byte_per_segment_but_same_content()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        sim.Faults.SlowDelivery = TimeSpan.FromMilliseconds(1);
        client.Send("/system/identity/print");
        Assert.Equal(new[] { "!re", "=name=MikroTik" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Huge_word_is_delivered_whole()
    {
        using var sim = Sim.Start();
        sim.State.SetInterfaceComment("ether1", new string('c', 65536));
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/interface/print", "?name=ether1");
        Assert.Equal(65536, RawClient.Attr(client.Read(), "comment")!.Length);
    }

    [Fact]
    public async Task Api_unresponsive_after_next_reboot()
    {
        using var sim = Sim.Start();
        sim.Faults.ApiUnresponsiveAfterNextReboot = true;
        await sim.RebootAsync().WaitAsync(TimeSpan.FromSeconds(10));
        using var client = RawClient.Connect(sim.Port);
        client.Send("/login", "=name=admin", "=password=");
        Assert.Throws<OperationCanceledException>(() => client.TryRead(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Refused_connections_and_recovery()
    {
        using var sim = Sim.Start();
        sim.Faults.RefuseConnections = true;
        Assert.False(Sim.CanConnect(sim.Port));
        sim.Faults.RefuseConnections = false;
        using var client = RawClient.LoggedIn(sim.Port);
    }

    [Fact]
    public void Address_list_of_100k_rows_prints_in_bounded_time()
    {
        using var sim = Sim.Start(o => o.AddressListRows = 100_000);
        using var client = RawClient.LoggedIn(sim.Port);
        var watch = Stopwatch.StartNew();
        client.Send("/ip/firewall/address-list/print", ".tag=big");
        int rows = 0;
        while (true)
        {
            List<string> s = client.Read(TimeSpan.FromSeconds(60));
            if (s[0] == "!done")
            {
                break;
            }

            rows++;
        }

        watch.Stop();
        Assert.Equal(100_000, rows);
        Console.WriteLine($"100k address-list rows printed in {watch.ElapsedMilliseconds} ms");
        client.Send("/ip/firewall/address-list/print", "=count-only=", "?list=blocklist");
        Assert.Equal("100000", RawClient.Attr(client.Read(), "ret"));
    }
}
