namespace RouterSim;

/// <summary>
/// Serialises writes of one session: concurrent commands interleave whole sentences, never
/// bytes. Applies the write-side faults: the simulator-wide ones (slow delivery, one-shot
/// mid-sentence drop, one-shot control byte) and this connection's scheduled fault, which fires
/// once <see cref="SessionFaultPlan.AfterReplies"/> sentences have been written.
/// </summary>
internal sealed class ReplyWriter
{
    /// <summary>The reserved control byte written by <see cref="SessionFault.GarbageByte"/>.</summary>
    public const byte GarbageByte = 0xF8;

    private readonly Stream _stream;
    private readonly SimulatorFaults _faults;
    private readonly Action _abort;
    private readonly SessionFaultPlan? _plan;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private int _sentencesWritten;
    private bool _tripped;
    private volatile bool _silent;
    private volatile bool _hung;

    public ReplyWriter(Stream stream, SimulatorFaults faults, Action abort, SessionFaultPlan? plan = null)
    {
        _stream = stream;
        _faults = faults;
        _abort = abort;
        _plan = plan;
    }

    /// <summary>The scheduled <see cref="SessionFault.Hang"/> fired: the session must stop reading.</summary>
    public bool Hung => _hung;

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

        if (_silent)
        {
            return; // stalled or hung by the scheduled fault: replies vanish
        }

        int control = _faults.TakeControlByte();
        if (control >= 0)
        {
            await _stream.WriteAsync(new[] { (byte)control }, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        ReadOnlyMemory<byte> data = buffer.Written;
        if (_plan != null && !_tripped && _sentencesWritten + buffer.SentenceCount > _plan.AfterReplies)
        {
            _tripped = true;
            int healthy = _plan.AfterReplies - _sentencesWritten;
            int cut = buffer.SentenceStart(healthy);
            await WriteBytesAsync(data.Slice(0, cut), cancellationToken).ConfigureAwait(false);
            _sentencesWritten += healthy;
            await FireAsync(_plan.Kind, data.Slice(cut), buffer.SentenceStart(healthy + 1) - cut, cancellationToken).ConfigureAwait(false);
            return;
        }

        bool drop = _faults.TakeDropMidSentence();
        if (drop)
        {
            // Cut inside the first sentence: at least one byte (inside a prefix or word) and
            // never its full length, so the peer is left holding half a sentence.
            data = data.Slice(0, Math.Max(1, buffer.FirstSentenceLength / 2));
        }

        await WriteBytesAsync(data, cancellationToken).ConfigureAwait(false);
        _sentencesWritten += buffer.SentenceCount;
        if (drop)
        {
            _abort();
        }
    }

    /// <summary>Applies the scheduled fault to <paramref name="rest"/> (the unwritten sentences,
    /// the first of them <paramref name="firstLength"/> bytes long).</summary>
    private async Task FireAsync(SessionFault kind, ReadOnlyMemory<byte> rest, int firstLength, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case SessionFault.DropMidSentence:
                await WriteBytesAsync(rest.Slice(0, Math.Max(1, firstLength / 2)), cancellationToken).ConfigureAwait(false);
                _abort();
                break;
            case SessionFault.GarbageByte:
                await WriteBytesAsync(new[] { GarbageByte }, cancellationToken).ConfigureAwait(false);
                await WriteBytesAsync(rest, cancellationToken).ConfigureAwait(false);
                break;
            case SessionFault.Hang:
                _silent = true;
                _hung = true;
                break;
            default:
                _silent = true;
                break;
        }
    }

    private async Task WriteBytesAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.Length == 0)
        {
            return;
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
    }
}
