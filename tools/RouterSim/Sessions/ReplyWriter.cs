namespace RouterSim;

/// <summary>
/// Serialises writes of one session: concurrent commands interleave whole sentences, never
/// bytes. Applies the write-side faults (slow delivery, mid-sentence drop, control byte).
/// </summary>
internal sealed class ReplyWriter
{
    private readonly Stream _stream;
    private readonly SimulatorFaults _faults;
    private readonly Action _abort;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public ReplyWriter(Stream stream, SimulatorFaults faults, Action abort)
    {
        _stream = stream;
        _faults = faults;
        _abort = abort;
    }

    /// <summary>Writes the buffer unless <paramref name="suppressed"/> says the owner was cancelled
    /// (checked under the lock, so a cancel and a late reply cannot cross).</summary>
    public async Task<bool> WriteAsync(ReplyBuffer buffer, Func<bool>? suppressed, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (suppressed != null && suppressed())
            {
                return false;
            }

            await WriteLockedAsync(buffer, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> with the write lock held; it must write through
    /// <see cref="WriteLockedAsync"/>.</summary>
    public async Task RunLockedAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes with the lock already held.</summary>
    public async Task WriteLockedAsync(ReplyBuffer buffer, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
        {
            return;
        }

        int control = _faults.TakeControlByte();
        if (control >= 0)
        {
            await _stream.WriteAsync(new[] { (byte)control }, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> data = buffer.Written;
        bool drop = _faults.TakeDropMidSentence();
        if (drop)
        {
            // Cut inside the first sentence: at least one byte (inside a prefix or word) and
            // never its full length, so the peer is left holding half a sentence.
            data = data.Slice(0, Math.Max(1, buffer.FirstSentenceLength / 2));
        }

        TimeSpan? slow = _faults.SlowDelivery;
        if (slow.HasValue)
        {
            for (int i = 0; i < data.Length; i++)
            {
                await _stream.WriteAsync(data.Slice(i, 1), cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (slow.Value > TimeSpan.Zero)
                {
                    await Task.Delay(slow.Value, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        if (drop)
        {
            _abort();
        }
    }
}
