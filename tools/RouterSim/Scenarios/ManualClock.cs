namespace RouterSim;

/// <summary>A clock that moves only when told to (<see cref="Advance"/>), for deterministic tests.</summary>
public sealed class ManualClock : ISimClock
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan Due, TaskCompletionSource Done)> _waiters = new();
    private TimeSpan _now;

    /// <inheritdoc />
    public TimeSpan Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Moves time forward and completes every delay that has come due.</summary>
    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due = new();
        lock (_gate)
        {
            _now += by;
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Due <= _now)
                {
                    due.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (TaskCompletionSource tcs in due)
        {
            tcs.TrySetResult();
        }
    }

    /// <inheritdoc />
    public Task Delay(TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return DelayUntil(_now + duration, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task DelayUntil(TimeSpan due, CancellationToken cancellationToken)
    {
        // Continuations run on the thread pool so Advance never runs simulator code inline.
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            // Checked and registered under one lock: an Advance cannot slip in between.
            if (due <= _now)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((due, tcs));
        }

        if (cancellationToken.CanBeCanceled)
        {
            CancellationTokenRegistration registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    _waiters.RemoveAll(w => w.Done == tcs);
                }

                tcs.TrySetCanceled(cancellationToken);
            });
            tcs.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        }

        return tcs.Task;
    }
}
