namespace RouterSim;

/// <summary>One timed action of a <see cref="Scenario"/>: at <see cref="At"/> (simulated time since
/// the scenario started) apply <see cref="Action"/> with <see cref="Arguments"/>.</summary>
/// <param name="At">When, relative to the scenario's start.</param>
/// <param name="Action">Action name (see <see cref="Scenario"/> for the list).</param>
/// <param name="Arguments">The action's arguments.</param>
public sealed record ScenarioStep(TimeSpan At, string Action, IReadOnlyList<string> Arguments)
{
    /// <summary>The step as a scenario file line.</summary>
    public override string ToString() => $"{RouterDuration.Format(At)} {Action} {string.Join(' ', Arguments)}".TrimEnd();
}
