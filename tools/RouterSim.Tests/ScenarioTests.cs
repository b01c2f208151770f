namespace RouterSim.Tests;

public class ScenarioTests
{
    [Fact]
    public void Text_format_parses_and_rejects_bad_lines()
    {
        Scenario s = Scenario.Parse("""
            # healthy for 30 s, then overloaded until a reboot, then the API is dead
            30s cpu-load 100
            0 link ether2 down
            1m api-dead-after-reboot
            """);
        Assert.Equal(3, s.Steps.Count);
        Assert.Equal("link", s.Steps[0].Action);
        Assert.Equal(TimeSpan.FromMinutes(1), s.Steps[2].At);
        FormatException ex = Assert.Throws<FormatException>(() => Scenario.Parse("\n5s explode"));
        Assert.Contains("line 2", ex.Message);
        Assert.Throws<FormatException>(() => Scenario.Parse("5s cpu-load lots"));
    }

    [Fact]
    public void Timeline_follows_an_injected_clock()
    {
        var clock = new ManualClock();
        using var sim = Sim.Start(o => o.Clock = clock);
        ScenarioRunner runner = sim.RunScenario(Scenario.Parse("30s cpu-load 100\n45s api-dead-after-reboot\n50s link ether1 down"), autoRun: false);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, runner.ApplyDue());
        Assert.Equal(4, sim.State.CpuLoad);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, runner.ApplyDue());
        Assert.Equal(100, sim.State.CpuLoad);

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, runner.ApplyDue());
        Assert.True(runner.IsComplete);
        Assert.True(sim.Faults.ApiUnresponsiveAfterNextReboot);
        Assert.Equal("false", sim.State.Interfaces.FindBy("name", "ether1")!.Get("running"));
    }

    [Fact]
    public void Uptime_follows_the_clock()
    {
        var clock = new ManualClock();
        using var sim = Sim.Start(o =>
        {
            o.Clock = clock;
            o.InitialUptime = TimeSpan.Zero;
        });
        clock.Advance(new TimeSpan(10, 1, 2, 1));
        using var client = RawClient.LoggedIn(sim.Port);
        client.Send("/system/resource/print", "=.proplist=uptime");
        Assert.Equal(new[] { "!re", "=uptime=1w3d1h2m1s" }, client.Read());
    }

    [Fact]
    public void Auto_run_applies_steps_on_a_scaled_clock()
    {
        using var sim = Sim.Start(o => o.TimeScale = 100);
        ScenarioRunner runner = sim.RunScenario(Scenario.Parse("10s cpu-load 90\n20s identity demo"));
        Sim.WaitUntil(() => runner.IsComplete, "scenario completion");
        Assert.Equal(90, sim.State.CpuLoad);
        Assert.Equal("demo", sim.State.Identity);
    }

    [Fact]
    public void Free_memory_is_driven_low_by_a_script_and_given_back_by_a_reboot()
    {
        var clock = new ManualClock();
        using var sim = Sim.Start(o =>
        {
            o.Clock = clock;
            o.RebootDowntime = TimeSpan.FromSeconds(5);
        });
        ScenarioRunner runner = sim.RunScenario(Scenario.Parse("10s free-memory 8388608"), autoRun: false);
        using (var client = RawClient.LoggedIn(sim.Port))
        {
            client.Send("/system/resource/print", "=.proplist=free-memory,total-memory");
            List<string> row = client.ReadUntilDone()[0];
            Assert.Equal("834142208", RawClient.Attr(row, "free-memory"));
            Assert.Equal("1073741824", RawClient.Attr(row, "total-memory"));

            clock.Advance(TimeSpan.FromSeconds(10));
            Assert.Equal(1, runner.ApplyDue());
            client.Send("/system/resource/print", "=.proplist=free-memory");
            Assert.Equal("8388608", RawClient.Attr(client.ReadUntilDone()[0], "free-memory"));
            client.Send("/system/reboot", ".tag=r");
            Assert.Equal(new[] { "!done", ".tag=r" }, client.Read());
            Assert.True(client.WaitClosed(TimeSpan.FromSeconds(10)));
        }

        Sim.WaitUntil(() => !Sim.CanConnect(sim.Port), "listener closed");
        Assert.True(sim.IsRebooting);
        clock.Advance(TimeSpan.FromSeconds(6));
        Sim.WaitUntil(() => !sim.IsRebooting && Sim.CanConnect(sim.Port), "router back");
        Assert.Null(sim.Faults.FreeMemory);
        Assert.Equal(834142208, sim.State.FreeMemory);
        Assert.Throws<FormatException>(() => Scenario.Parse("1s free-memory lots"));
        Assert.Equal("normal", Scenario.Parse("1s free-memory normal").Steps[0].Arguments[0]);
    }
}
