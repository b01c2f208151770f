namespace RouterSim.Tests;

/// <summary>
/// The simulator's replies word by word, where it was corrected to match routers (issue 12):
/// the tag's position, the unknown-command traps, and the limits before login.
/// </summary>
public class WireFidelityTests
{
    [Fact]
    public void Tag_follows_the_reply_word_in_re_done_trap_and_empty_like_a_router()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);

        client.Send("/system/identity/print", ".tag=7");
        Assert.Equal(new[] { "!re", ".tag=7", "=name=MikroTik" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=7" }, client.Read());

        client.Send("/ip/address/add", "=address=10.7.0.1/24", "=interface=ether2", ".tag=8");
        List<string> added = client.Read();
        Assert.Equal("!done", added[0]);
        Assert.Equal(".tag=8", added[1]);
        Assert.StartsWith("=ret=*", added[2]);

        client.Send("/ip/address/remove", "=.id=*77", ".tag=9");
        Assert.Equal(new[] { "!trap", ".tag=9", "=category=0", "=message=no such item" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=9" }, client.Read());

        client.Send("/ip/firewall/address-list/print", ".tag=10");
        Assert.Equal(new[] { "!empty", ".tag=10" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=10" }, client.Read());
    }

    [Fact]
    public void Cancel_replies_carry_the_tag_second_as_in_the_captures()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/log/print", "=follow-only=", ".tag=10");
        client.Send("/cancel", "=tag=10", ".tag=20");
        Assert.Equal(new[] { "!trap", ".tag=10", "=category=2", "=message=interrupted" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=20" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=10" }, client.Read());
    }

    [Fact]
    public void Tag_last_option_writes_the_tag_as_the_last_word()
    {
        using var sim = Sim.Start(o => o.TagPosition = ReplyTagPosition.Last);
        using var client = RawClient.LoggedIn(sim.Port);

        client.Send("/system/identity/print", ".tag=7");
        Assert.Equal(new[] { "!re", "=name=MikroTik", ".tag=7" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=7" }, client.Read());

        client.Send("/ip/address/add", "=address=10.7.0.1/24", "=interface=ether2", ".tag=8");
        List<string> added = client.Read();
        Assert.StartsWith("=ret=*", added[1]);
        Assert.Equal(".tag=8", added[2]);

        client.Send("/ip/address/remove", "=.id=*77", ".tag=9");
        Assert.Equal(new[] { "!trap", "=category=0", "=message=no such item", ".tag=9" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=9" }, client.Read());
    }

    [Fact]
    public void Untagged_replies_have_no_tag_word()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/identity/print");
        Assert.Equal(new[] { "!re", "=name=MikroTik" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Unknown_menu_on_v7_answers_two_traps_then_done()
    {
        using var sim = Sim.Start(o => o.RosVersion = "7.14.1");
        using var client = RawClient.LoggedIn(sim.Port);

        client.Send("/no/such/menu");
        Assert.Equal(new[] { "!trap", "=category=0", "=message=no such command or directory (no)" }, client.Read());
        Assert.Equal(new[] { "!trap", "=message=no such command prefix" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());

        // The word in parentheses is the first path segment that is not a menu.
        client.Send("/system/routerboard/getall", ".tag=r");
        Assert.Equal(new[] { "!trap", ".tag=r", "=category=0", "=message=no such command or directory (routerboard)" }, client.Read());
        Assert.Equal(new[] { "!trap", ".tag=r", "=message=no such command prefix" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=r" }, client.Read());

        // A known menu with an unknown command is a different, single trap.
        client.Send("/interface/frobnicate");
        Assert.Equal(new[] { "!trap", "=message=no such command" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Unknown_menu_on_v6_answers_one_trap()
    {
        using var sim = Sim.Start(o => o.RosVersion = "6.49.10");
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/no/such/menu");
        Assert.Equal(new[] { "!trap", "=message=no such command prefix" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void A_word_over_the_pre_login_limit_closes_the_connection_but_is_fine_after_login()
    {
        using var sim = Sim.Start(o => o.PreLoginMaxWordLength = 4096);
        string big = "=comment=" + new string('x', 20 * 1024);

        using (var anonymous = RawClient.Connect(sim.Port))
        {
            anonymous.Send("/login", "=name=admin", big);
            Assert.True(anonymous.WaitClosed(TimeSpan.FromSeconds(10)), "the router kept a peer that sent a 20 KiB word before login");
        }

        using (var anonymous = RawClient.Connect(sim.Port))
        {
            // A word of exactly the limit is accepted.
            anonymous.Send("/login", "=name=admin", "=password=", "=x=" + new string('y', 4096 - 3));
            Assert.Equal(new[] { "!done" }, anonymous.Read());
        }

        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/interface/set", "=.id=ether1", big);
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Sentences_over_the_pre_login_limit_close_the_connection()
    {
        using var sim = Sim.Start(o => o.PreLoginMaxSentences = 3);
        using var client = RawClient.Connect(sim.Port);
        for (int i = 0; i < 3; i++)
        {
            client.Send("/system/identity/print");
            Assert.Equal(new[] { "!trap", "=message=not logged in" }, client.Read());
            Assert.Equal(new[] { "!done" }, client.Read());
        }

        client.Send("/system/identity/print");
        Assert.True(client.WaitClosed(TimeSpan.FromSeconds(10)), "the fourth sentence before login was answered");
    }

    [Fact]
    public void Sentences_after_login_are_not_limited()
    {
        using var sim = Sim.Start(o => o.PreLoginMaxSentences = 2);
        using var client = RawClient.Connect(sim.Port);
        client.Send("/login", "=name=admin", "=password=");
        Assert.Equal(new[] { "!done" }, client.Read());
        for (int i = 0; i < 5; i++)
        {
            client.Send("/system/identity/print");
            Assert.Equal("!re", client.Read()[0]);
            Assert.Equal(new[] { "!done" }, client.Read());
        }
    }
}
