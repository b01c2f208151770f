namespace RouterSim;

/// <summary>Everything a command handler needs: its arguments, the router state and a way to reply.</summary>
internal sealed class CommandContext
{
    /// <summary>Flush accumulated rows once this many bytes are pending (keeps memory flat on big prints).</summary>
    private const int FlushThreshold = 64 * 1024;

    private readonly ReplyBuffer _buffer;
    private readonly RunningCommand _command;

    public CommandContext(ApiSession session, CommandSentence sentence, RunningCommand command)
    {
        Session = session;
        _buffer = session.NewBuffer();
        Sentence = sentence;
        _command = command;
    }

    public ApiSession Session { get; }

    public RouterSimulator Simulator => Session.Simulator;

    public RouterState State => Session.Simulator.State;

    public CommandSentence Sentence { get; }

    public string? Tag => Sentence.Tag;

    public CancellationToken Cancellation => _command.Cancellation.Token;

    /// <summary><c>=ret=</c> for the final <c>!done</c>.</summary>
    public string? Ret { get; set; }

    /// <summary>Send <c>!empty</c> before <c>!done</c> (set by print when nothing matched on 7.18+).</summary>
    public bool Empty { get; set; }

    /// <summary>The handler already wrote its final reply (or deliberately none).</summary>
    public bool Completed { get; set; }

    public string? Arg(string name) => Sentence.Attributes.TryGetValue(name, out string? v) ? v : null;

    public bool Has(string name) => Sentence.Attributes.ContainsKey(name);

    /// <summary>Rejects attributes the command does not take, as the router does.</summary>
    public void Allow(params string[] names)
    {
        foreach (string key in Sentence.Attributes.Keys)
        {
            if (Array.IndexOf(names, key) < 0)
            {
                throw TrapException.UnknownParameter();
            }
        }
    }

    /// <summary>The <c>.proplist</c> filter, or null for all attributes.</summary>
    public HashSet<string>? Proplist()
    {
        string? list = Arg(".proplist");
        return list == null ? null : new HashSet<string>(list.Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }

    /// <summary>Buffers a <c>!re</c> for a row; flushes when enough bytes are pending.</summary>
    public ValueTask AddRowAsync(Row row, HashSet<string>? proplist, string? extra = null)
    {
        row.WriteTo(_buffer, proplist, Tag, extra);
        return _buffer.Length >= FlushThreshold ? new ValueTask(FlushAndYieldAsync()) : ValueTask.CompletedTask;
    }

    /// <summary>
    /// Writes a full batch, then yields: socket writes often complete synchronously, and without
    /// the yield a long print started from the read loop would run to its end before the session
    /// reads the next sentence (a /cancel for it, say). A router answers other commands meanwhile.
    /// </summary>
    private async Task FlushAndYieldAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        await Task.Yield();
    }

    /// <summary>Buffers a <c>!re</c> from name/value pairs.</summary>
    public void AddRe(IEnumerable<KeyValuePair<string, string>> attributes)
    {
        _buffer.BeginSentence("!re", Tag);
        foreach (var pair in attributes)
        {
            _buffer.AddWord("=" + pair.Key + "=" + pair.Value);
        }

        _buffer.EndSentence();
    }

    /// <summary>Buffers any sentence.</summary>
    public void Add(List<string> words) => _buffer.Add(words);

    /// <summary>Writes what is buffered. Throws <see cref="OperationCanceledException"/> if the command was cancelled.</summary>
    public async Task FlushAsync()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        bool written = await Session.Writer.WriteAsync(_buffer, () => _command.Cancelled, Session.Closing).ConfigureAwait(false);
        _buffer.Clear();
        if (!written)
        {
            throw new OperationCanceledException(Cancellation);
        }
    }

    /// <summary>Discards anything buffered (after a trap, partial output is not sent).</summary>
    public void Discard() => _buffer.Clear();
}
