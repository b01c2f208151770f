namespace RouterSim.Tests;

public class CommandTests
{
    private static List<string> Names(IEnumerable<List<string>> replies) =>
        replies.Where(s => s[0] == "!re").Select(s => RawClient.Attr(s, "name")!).ToList();

    [Fact]
    public void Streaming_command_keeps_running_while_other_tagged_commands_are_answered()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/interface/listen", ".tag=L");
        client.Send("/system/identity/print", ".tag=P");
        List<List<string>> replies = client.ReadUntilDone("P");
        Assert.All(replies, s => Assert.Contains(".tag=P", s));

        client.Send("/interface/set", "=.id=ether3", "=disabled=yes", ".tag=S");
        var seen = new List<List<string>>();
        while (!(seen.Any(s => s.Contains(".tag=L") && RawClient.Attr(s, "name") == "ether3") && seen.Any(s => s[0] == "!done" && s.Contains(".tag=S"))))
        {
            seen.Add(client.Read());
        }

        List<string> change = seen.First(s => s.Contains(".tag=L"));
        Assert.Equal("true", RawClient.Attr(change, "disabled"));

        sim.State.RemoveInterface("ether3");
        List<string> dead = client.Read();
        Assert.Equal("yes", RawClient.Attr(dead, ".dead"));
        Assert.Contains(".tag=L", dead);
    }

    [Fact]
    public void Cancel_with_tag_answers_trap_then_own_done_then_victim_done()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/log/print", "=follow-only=", ".tag=X");
        client.Send("/cancel", "=tag=X", ".tag=Y");
        Assert.Equal(new[] { "!trap", ".tag=X", "=category=2", "=message=interrupted" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=Y" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=X" }, client.Read());

        client.Send("/cancel", "=tag=X", ".tag=Z");
        Assert.Equal("!trap", client.Read()[0]);
        Assert.Equal(new[] { "!done", ".tag=Z" }, client.Read());
    }

    [Fact]
    public void Cancel_without_tag_cancels_every_running_command()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/interface/listen", ".tag=A");
        client.Send("/ping", "=address=192.0.2.1", ".tag=B");
        Assert.Contains(".tag=B", client.Read()); // first probe: the ping is running
        client.Send("/cancel", ".tag=C");
        var replies = new List<List<string>>();
        while (replies.Count(s => s[0] == "!done") < 3)
        {
            List<string> s = client.Read();
            if (s[0] != "!re")
            {
                replies.Add(s);
            }
        }

        Assert.Equal(2, replies.Count(s => s[0] == "!trap" && s.Contains("=message=interrupted")));
        int cDone = replies.FindIndex(s => s[0] == "!done" && s.Contains(".tag=C"));
        Assert.True(replies.Take(cDone).Count(s => s[0] == "!trap") == 2, "traps come before the cancel's !done");
    }

    [Theory]
    [InlineData("7.19.3", true)]
    [InlineData("7.18", true)]
    [InlineData("7.17.2", false)]
    [InlineData("6.49.10", false)]
    public void Empty_result_sends_empty_only_from_7_18(string version, bool expectEmpty)
    {
        using var sim = Sim.Start(o => o.RosVersion = version);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/ip/firewall/address-list/print", ".tag=e");
        if (expectEmpty)
        {
            Assert.Equal(new[] { "!empty", ".tag=e" }, client.Read());
        }

        Assert.Equal(new[] { "!done", ".tag=e" }, client.Read());
    }

    [Theory]
    [InlineData(new[] { "?type=ether", "?running=true" }, "ether1,ether2,ether3,ether4")]
    [InlineData(new[] { "?type=bridge", "?name=ether5", "?#|" }, "bridge,ether5")]
    [InlineData(new[] { "?=name=ether2" }, "ether2")]
    [InlineData(new[] { "?comment" }, "")]
    [InlineData(new[] { "?-comment", "?type=bridge" }, "bridge")]
    [InlineData(new[] { "?type=ether", "?#!" }, "bridge")]
    [InlineData(new[] { "?>mtu=1499", "?<mtu=1501", "?name=bridge" }, "bridge")]
    [InlineData(new[] { "?<name=ether2" }, "bridge,ether1")]
    [InlineData(new[] { "?name=ether1", "?name=ether2", "?name=ether3", "?#||" }, "ether1,ether2,ether3")]
    [InlineData(new[] { "?name=ether1", "?type=ether", "?#1" }, "ether1")] // index at end: replace the stack with the value at 1
    [InlineData(new[] { "?name=ether1", "?name=ether2", "?#1|" }, "ether1")] // [a b] -> [a b a] -> [a a|b]: needs a
    [InlineData(new[] { "?name=ether1", "?#.|" }, "ether1")] // '.' duplicates the top
    public void Query_stack_selects_rows(string[] queries, string expected)
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send(new[] { "/interface/print", "=.proplist=name" }.Concat(queries).ToArray());
        List<string> names = Names(client.ReadUntilDone());
        names.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(",", names));
    }

    [Fact]
    public void Proplist_limits_attributes_and_ids_are_hex()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/interface/print", "=.proplist=.id,name,running", "?name=ether1");
        List<string> row = client.Read();
        Assert.Equal(new[] { "!re", "=.id=*1", "=name=ether1", "=running=true" }, row);
        client.Read();
        client.Send("/system/resource/print", "=.proplist=uptime,cpu-load,free-memory,total-memory");
        row = client.Read();
        Assert.Equal(5, row.Count);
        Assert.Matches("^([0-9]+[wdhms])+$", RawClient.Attr(row, "uptime"));
    }

    [Fact]
    public void Resource_identity_and_health_have_real_attribute_names()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/resource/print");
        List<string> r = client.Read();
        foreach (string name in new[] { "uptime", "cpu-load", "free-memory", "total-memory", "version", "board-name", "architecture-name" })
        {
            Assert.NotNull(RawClient.Attr(r, name));
        }

        Assert.Equal("3d4h5m6s", RawClient.Attr(r, "uptime")![..8]);
        client.Read();
        client.Send("/system/health/print");
        List<List<string>> health = client.ReadUntilDone();
        Assert.Equal(3, health.Count(s => s[0] == "!re"));
        Assert.All(health.Where(s => s[0] == "!re"), s => Assert.NotNull(RawClient.Attr(s, "type")));
    }

    [Theory]
    [InlineData(new[] { "/interface/frobnicate" }, null, "no such command")]
    [InlineData(new[] { "/interface/set", "=disabled=yes" }, "0", "no such item")]
    [InlineData(new[] { "/interface/set", "=.id=*99", "=disabled=yes" }, "0", "no such item")]
    [InlineData(new[] { "/interface/set", "=.id=*1", "=disabled=maybe" }, "1", "input does not match any value of disabled")]
    [InlineData(new[] { "/interface/set", "=.id=*1", "=colour=red" }, null, "unknown parameter")]
    [InlineData(new[] { "/ip/address/add", "=address=10.0.0.1/24", "=interface=nope" }, "1", "input does not match any value of interface")]
    [InlineData(new[] { "/ip/address/add", "=address=192.168.88.1/24", "=interface=bridge" }, null, "already have such address")]
    [InlineData(new[] { "/ip/address/remove", "=.id=*77" }, "0", "no such item")]
    public void Errors_trap_with_real_texts_and_categories_then_done(string[] command, string? category, string message)
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send(command.Append(".tag=t").ToArray());
        var expected = new List<string> { "!trap", ".tag=t" };
        if (category != null)
        {
            expected.Add("=category=" + category);
        }

        expected.Add("=message=" + message);
        Assert.Equal(expected, client.Read());
        Assert.Equal(new[] { "!done", ".tag=t" }, client.Read());
    }

    [Fact]
    public void Ip_address_add_returns_id_and_remove_deletes_it()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/ip/address/add", "=address=10.1.2.3/24", "=interface=ether2");
        string id = RawClient.Attr(client.Read(), "ret")!;
        Assert.Matches(@"^\*[0-9A-F]+$", id);
        client.Send("/ip/address/print", "?interface=ether2");
        List<string> row = client.Read();
        Assert.Equal("10.1.2.0", RawClient.Attr(row, "network"));
        client.Read();
        client.Send("/ip/address/remove", "=.id=" + id);
        Assert.Equal(new[] { "!done" }, client.Read());
        client.Send("/ip/address/print", "?interface=ether2");
        Assert.Equal(new[] { "!empty" }, client.Read());
    }

    [Fact]
    public void Ping_reports_each_probe_with_configured_loss()
    {
        using var sim = Sim.Start();
        sim.State.SetPingLoss("10.0.0.9", 50);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/ping", "=address=10.0.0.9", "=count=4");
        List<List<string>> replies = client.ReadUntilDone();
        List<List<string>> probes = replies.Where(s => s[0] == "!re").ToList();
        Assert.Equal(4, probes.Count);
        Assert.Equal("50", RawClient.Attr(probes[3], "packet-loss"));
        Assert.Equal("4", RawClient.Attr(probes[3], "sent"));
        Assert.Equal("2", RawClient.Attr(probes[3], "received"));
        Assert.EndsWith("us", RawClient.Attr(probes[3], "avg-rtt"));
    }

    [Fact]
    public void Quit_sends_untagged_fatal_and_closes()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/quit", ".tag=q");
        Assert.Equal(new[] { "!fatal", "session terminated on request" }, client.Read());
        Assert.True(client.WaitClosed(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Log_follow_streams_new_entries()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/log/print", "=follow-only=", "?topics=script,info", ".tag=f");
        client.Send("/system/identity/print", ".tag=sync");
        client.ReadUntilDone("sync"); // sentences are dispatched in order, so the follow is live now
        sim.State.AddLog("script,info", "hello");
        List<string> entry = client.Read();
        Assert.Equal("hello", RawClient.Attr(entry, "message"));
        Assert.Contains(".tag=f", entry);
    }
}

public class VersionFormatTests
{
    [Fact]
    public void V6_health_is_one_row_and_ping_rtt_is_in_ms()
    {
        using var sim = Sim.Start(o => o.RosVersion = "6.49.10");
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/health/print");
        List<List<string>> health = client.ReadUntilDone();
        Assert.Single(health, s => s[0] == "!re");
        Assert.NotNull(RawClient.Attr(health[0], "voltage"));
        client.Send("/ping", "=address=10.0.0.1", "=count=1");
        List<string> probe = client.Read();
        Assert.Equal("0ms", RawClient.Attr(probe, "avg-rtt"));
    }

    [Fact]
    public void Board_without_sensors_prints_nothing()
    {
        using var sim = Sim.Start(o => o.HealthSensors = false);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/health/print");
        Assert.Equal(new[] { "!empty" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Follow_prints_existing_rows_then_new_ones()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/ip/firewall/address-list/add", "=list=l", "=address=1.2.3.4");
        client.Read();
        client.Send("/ip/firewall/address-list/print", "=follow=", "=.proplist=address", ".tag=f");
        Assert.Equal(new[] { "!re", ".tag=f", "=address=1.2.3.4" }, client.Read());
        client.Send("/ip/firewall/address-list/add", "=list=l", "=address=5.6.7.8", ".tag=a");
        var seen = new List<List<string>> { client.Read(), client.Read() };
        Assert.Contains(seen, s => s.SequenceEqual(new[] { "!re", ".tag=f", "=address=5.6.7.8" }));
        client.Send("/ip/firewall/address-list/add", "=list=l", "=address=5.6.7.8", ".tag=d");
        Assert.Equal(new[] { "!trap", ".tag=d", "=message=failure: already have such entry" }, client.Read());
    }
}

public class BigPrintCancelTests
{
    [Fact]
    public void Cancel_stops_a_100k_row_print_midway()
    {
        using var sim = Sim.Start(o => o.AddressListRows = 100_000);
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/ip/firewall/address-list/print", ".tag=X");
        client.Send("/cancel", "=tag=X", ".tag=Y");
        int rows = 0;
        var tail = new List<List<string>>();
        while (true)
        {
            List<string> s = client.Read(TimeSpan.FromSeconds(60));
            if (s[0] == "!re")
            {
                Assert.Empty(tail); // no row after the cancel's answer started
                rows++;
                continue;
            }

            tail.Add(s);
            if (tail.Count == 3)
            {
                break;
            }
        }

        Assert.InRange(rows, 0, 99_999);
        Assert.Equal(new[] { "!trap", ".tag=X", "=category=2", "=message=interrupted" }, tail[0]);
        Assert.Equal(new[] { "!done", ".tag=Y" }, tail[1]);
        Assert.Equal(new[] { "!done", ".tag=X" }, tail[2]);
        client.Send("/system/identity/print");
        Assert.Equal("!re", client.Read()[0]);
    }
}
