namespace RouterSim.Tests;

/// <summary>/log/info, /log/warning, /log/error, /log/debug: one entry with the topics script,LEVEL.</summary>
public class LogCommandTests
{
    [Theory]
    [InlineData("info")]
    [InlineData("warning")]
    [InlineData("error")]
    [InlineData("debug")]
    public void Log_level_command_appends_one_entry_seen_by_follow(string level)
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/log/print", "=follow-only=", ".tag=F");
        client.Send("/log/" + level, "=message=board: rebooting core", ".tag=W");
        var seen = new List<List<string>>();
        while (!(seen.Any(s => s[0] == "!done" && s.Contains(".tag=W")) && seen.Any(s => s.Contains(".tag=F"))))
        {
            seen.Add(client.Read());
        }

        var entry = seen.First(s => s.Contains(".tag=F"));
        Assert.Equal("script," + level, RawClient.Attr(entry, "topics"));
        Assert.Equal("board: rebooting core", RawClient.Attr(entry, "message"));
        Assert.Equal("board: rebooting core", sim.State.Log.Snapshot()[^1].Get("message"));
    }

    [Fact]
    public void Log_command_without_message_or_with_another_argument_is_refused()
    {
        using var sim = Sim.Start();
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/log/warning", ".tag=A");
        Assert.Equal(new[] { "!trap", ".tag=A", "=category=1", "=message=missing value(s) of argument(s) message" }, client.Read());
        Assert.Equal(new[] { "!done", ".tag=A" }, client.Read());
        client.Send("/log/warning", "=message=x", "=topics=y", ".tag=B");
        Assert.Equal("!trap", client.Read()[0]);
        Assert.Equal(new[] { "!done", ".tag=B" }, client.Read());
    }
}
