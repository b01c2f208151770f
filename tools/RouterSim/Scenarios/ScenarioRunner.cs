namespace RouterSim;

/// <summary>Applies a <see cref="Scenario"/>'s steps as the simulator's clock passes their times.</summary>
public sealed class ScenarioRunner
{
    private readonly object _gate = new();
    private readonly RouterSimulator _simulator;
    private int _next;

    internal ScenarioRunner(RouterSimulator simulator, Scenario scenario)
    {
        _simulator = simulator;
        Scenario = scenario;
        StartedAt = simulator.Clock.Now;
    }

    /// <summary>Raised after each step has been applied.</summary>
    public event Action<ScenarioStep>? StepApplied;

    /// <summary>The scenario being run.</summary>
    public Scenario Scenario { get; }

    /// <summary>Clock time at which the scenario started (step times are relative to it).</summary>
    public TimeSpan StartedAt { get; }

    /// <summary>Number of steps applied so far.</summary>
    public int AppliedCount
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    /// <summary>True once every step has been applied.</summary>
    public bool IsComplete => AppliedCount == Scenario.Steps.Count;

    /// <summary>Applies every step whose time has come and returns how many were applied.</summary>
    public int ApplyDue()
    {
        int applied = 0;
        while (true)
        {
            ScenarioStep step;
            lock (_gate)
            {
                if (_next >= Scenario.Steps.Count || Scenario.Steps[_next].At > _simulator.Clock.Now - StartedAt)
                {
                    return applied;
                }

                step = Scenario.Steps[_next++];
            }

            Scenario.Apply(_simulator, step);
            applied++;
            StepApplied?.Invoke(step);
        }
    }

    /// <summary>Runs until every step is applied or <paramref name="cancellationToken"/> fires.</summary>
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                ApplyDue();
                TimeSpan due;
                lock (_gate)
                {
                    if (_next >= Scenario.Steps.Count)
                    {
                        return;
                    }

                    due = StartedAt + Scenario.Steps[_next].At;
                }

                await _simulator.Clock.DelayUntil(due, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
