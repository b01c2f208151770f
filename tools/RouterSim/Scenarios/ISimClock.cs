namespace RouterSim;

/// <summary>
/// The simulator's notion of time (uptime, reboot downtime, ping interval, scenario steps).
/// Injectable so tests are deterministic (<see cref="ManualClock"/>) and demos fast
/// (<see cref="ScaledClock"/> with a scale above 1).
/// </summary>
public interface ISimClock
{
    /// <summary>Simulated time elapsed since the clock was created.</summary>
    TimeSpan Now { get; }

    /// <summary>Completes when <paramref name="duration"/> of simulated time has passed.</summary>
    Task Delay(TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when <see cref="Now"/> reaches <paramref name="due"/>. Unlike
    /// <c>Delay(due - Now)</c>, time that passes between reading the clock and waiting is not
    /// added on top (a manual clock advanced in between would otherwise never reach the deadline).
    /// </summary>
    Task DelayUntil(TimeSpan due, CancellationToken cancellationToken) => Delay(due - Now, cancellationToken);
}
