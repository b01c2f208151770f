using System.Diagnostics;

namespace RouterSim;

/// <summary>Real time multiplied by a scale: with scale 10, one real second is ten simulated seconds.</summary>
public sealed class ScaledClock : ISimClock
{
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    /// <summary>Creates a clock running <paramref name="scale"/> times faster than real time.</summary>
    public ScaledClock(double scale = 1.0)
    {
        if (!(scale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), "time scale must be positive");
        }

        Scale = scale;
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Scale { get; }

    /// <inheritdoc />
    public TimeSpan Now => _stopwatch.Elapsed * Scale;

    /// <inheritdoc />
    public Task Delay(TimeSpan duration, CancellationToken cancellationToken)
    {
        TimeSpan real = duration / Scale;
        return real <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(real, cancellationToken);
    }
}
