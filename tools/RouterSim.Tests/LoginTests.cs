namespace RouterSim.Tests;

public class LoginTests
{
    [Fact]
    public void Plain_login_succeeds_and_wrong_password_traps_then_done()
    {
        using var sim = Sim.Start(o => o.Users = new() { ["admin"] = "secret" });
        using var client = RawClient.Connect(sim.Port);
        client.Send("/login", "=name=admin", "=password=wrong", ".tag=1");
        Assert.Equal(new[] { "!trap", ".tag=1", "=message=invalid user name or password (6)" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=1" }, client.Read());
        client.Send("/login", "=name=admin", "=password=secret");
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Fact]
    public void Commands_before_login_trap_not_logged_in()
    {
        using var sim = Sim.Start();
        using var client = RawClient.Connect(sim.Port);
        client.Send("/system/resource/print");
        Assert.Equal(new[] { "!trap", "=message=not logged in" }, client.Read());
        Assert.Equal(new[] { "!done" }, client.Read());
    }

    [Theory]
    [InlineData("", "93b438ec9b80057c06dd9fe67d56aa9a", "00e134102a9d330dd7b1849fedfea3cb57")]
    [InlineData("", "856780b7411eefd3abadee2058c149a3", "005062f7a5ef124d34675bf3e81f56c556")]
    [InlineData("secret", "aabbccddeeff00112233445566778899", "00a8bfd49490a32a90532cbac11691aae2")]
    public void Legacy_response_matches_vectors(string password, string challenge, string expected)
    {
        Assert.Equal(expected, ApiSession.LegacyResponse(password, Convert.FromHexString(challenge)));
    }

    [Fact]
    public void Legacy_login_answers_a_challenge_and_checks_the_response()
    {
        using var sim = Sim.Start(o =>
        {
            o.LegacyLogin = true;
            o.Users = new() { ["admin"] = "secret" };
        });
        using var client = RawClient.Connect(sim.Port);

        // What most clients send first (name and password) still gets the challenge.
        client.Send("/login", "=name=admin", "=password=secret");
        List<string> done = client.Read();
        Assert.Equal("!done", done[0]);
        string challenge = RawClient.Attr(done, "ret")!;
        Assert.Matches("^[0-9a-f]{32}$", challenge);

        client.Send("/login", "=name=admin", "=response=00" + new string('0', 32));
        Assert.Equal(new[] { "!trap", "=message=cannot log in" }, client.Read());
        client.Read();

        client.Send("/login");
        challenge = RawClient.Attr(client.Read(), "ret")!;
        client.Send("/login", "=name=admin", "=response=" + ApiSession.LegacyResponse("secret", Convert.FromHexString(challenge)));
        Assert.Equal(new[] { "!done" }, client.Read());
        client.Send("/system/identity/print");
        Assert.Equal("!re", client.Read()[0]);
    }

    [Fact]
    public void Connections_beyond_max_sessions_are_closed_after_accept()
    {
        using var sim = Sim.Start(o => o.MaxSessions = 1);
        using var first = RawClient.LoggedIn(sim.Port);
        using var second = RawClient.Connect(sim.Port);
        Assert.True(second.WaitClosed(TimeSpan.FromSeconds(10)));
        first.Send("/system/identity/print");
        Assert.Equal("!re", first.Read()[0]);
    }

    [Fact]
    public void Tls_listener_serves_the_pinned_certificate()
    {
        using var sim = Sim.Start(o => o.TlsPort = 0);
        Assert.NotNull(sim.Certificate);
        Assert.NotEqual(0, sim.TlsPort);
        using var client = RawClient.ConnectTls(sim.TlsPort, sim.Certificate!);
        client.Send("/login", "=name=admin", "=password=");
        Assert.Equal(new[] { "!done" }, client.Read());
    }
}
