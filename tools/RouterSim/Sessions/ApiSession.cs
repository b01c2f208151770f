using System.Net.Sockets;
using System.Security.Cryptography;

namespace RouterSim;

/// <summary>
/// One API connection: reads sentences as they complete, logs in, and runs commands. Tagged
/// commands and streaming commands run concurrently; untagged short commands run in order, since
/// an untagged client can only match replies by order.
/// </summary>
internal sealed class ApiSession
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly CancellationTokenSource _closing = new();
    private readonly object _gate = new();
    private readonly List<RunningCommand> _running = new();
    private readonly List<Task> _background = new();
    private readonly string _remote;
    private byte[]? _challenge;
    private int _closed;

    public ApiSession(RouterSimulator simulator, Socket socket, Stream stream)
    {
        Simulator = simulator;
        _socket = socket;
        _stream = stream;
        _remote = (socket.RemoteEndPoint as System.Net.IPEndPoint)?.Address.ToString() ?? "?";
        Writer = new ReplyWriter(stream, simulator.Faults, Abort, simulator.Faults.TakeForNewConnection());
    }

    public RouterSimulator Simulator { get; }

    public ReplyWriter Writer { get; }

    public string? User { get; private set; }

    public CancellationToken Closing => _closing.Token;

    /// <summary>A reply buffer that writes tags where this simulator is configured to.</summary>
    public ReplyBuffer NewBuffer() => new(Simulator.Options.TagPosition);

    /// <summary>Reads and dispatches until the peer leaves, the session is aborted, or the peer violates the protocol.</summary>
    public async Task RunAsync()
    {
        RouterSimulatorOptions options = Simulator.Options;
        var reader = new SentenceReader(_stream) { MaxWordLength = options.PreLoginMaxWordLength };
        int sentencesBeforeLogin = 0;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                if (Writer.Hung)
                {
                    // The scheduled hang: read nothing more, answer nothing, keep the socket open.
                    await Task.Delay(Timeout.Infinite, _closing.Token).ConfigureAwait(false);
                }

                List<string>? words = await reader.ReadSentenceAsync(_closing.Token).ConfigureAwait(false);
                if (words == null)
                {
                    break;
                }

                if (words.Count == 0 || Writer.Hung)
                {
                    continue;
                }

                if (User == null && ++sentencesBeforeLogin > options.PreLoginMaxSentences)
                {
                    // An unauthenticated peer may send only so much (API manual); the router drops it.
                    break;
                }

                if (Simulator.Faults.StallReplies)
                {
                    continue;
                }

                await DispatchAsync(CommandSentence.Parse(words)).ConfigureAwait(false);
                if (User != null)
                {
                    reader.MaxWordLength = SentenceReader.DefaultMaxWordLength;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ApiProtocolException or OperationCanceledException or ObjectDisposedException or SocketException or EndOfStreamException)
        {
            // The peer left, broke the framing (the router just closes), or we were aborted.
        }
        finally
        {
            Abort();
            Task[] pending;
            lock (_gate)
            {
                pending = _background.ToArray();
            }

            try
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
            }
            catch
            {
                // Background commands end by cancellation; their exceptions are expected here.
            }

            if (User != null)
            {
                Simulator.State.AddLog("system,info,account", $"user {User} logged out from {_remote} via api");
            }
        }
    }

    /// <summary>Closes the connection at once (reboot, quit, fault, stop).</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        _closing.Cancel();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        _socket.Close();
    }

    private async Task DispatchAsync(CommandSentence sentence)
    {
        switch (sentence.Command)
        {
            case "/login":
                await LoginAsync(sentence).ConfigureAwait(false);
                return;
            case "/quit":
                await WriteAsync(ReplySentence.Fatal("session terminated on request")).ConfigureAwait(false);
                Abort();
                return;
        }

        if (User == null)
        {
            await WriteAsync(ReplySentence.Trap(sentence.Tag, null, "not logged in"), ReplySentence.Done(sentence.Tag)).ConfigureAwait(false);
            return;
        }

        if (sentence.Command == "/cancel")
        {
            await CancelAsync(sentence).ConfigureAwait(false);
            return;
        }

        CommandEntry entry;
        try
        {
            entry = Simulator.Commands.Resolve(sentence.Command, Simulator.State.VersionAtLeast(7, 0));
        }
        catch (TrapException trap)
        {
            ReplyBuffer buffer = NewBuffer();
            trap.WriteTo(buffer, sentence.Tag);
            await Writer.WriteAsync(buffer, null, _closing.Token).ConfigureAwait(false);
            return;
        }

        var command = new RunningCommand(sentence.Tag, sentence.Command, _closing.Token);
        lock (_gate)
        {
            _running.Add(command);
        }

        var ctx = new CommandContext(this, sentence, command);
        if (entry.IsStreaming(sentence) || sentence.Tag != null)
        {
            // Started inline: the handler runs until its first real await (e.g. after subscribing
            // to changes), so a streaming command is live before the next sentence is read.
            Task task = ExecuteAsync(entry, ctx, command);
            lock (_gate)
            {
                _background.RemoveAll(t => t.IsCompleted);
                _background.Add(task);
            }
        }
        else
        {
            await ExecuteAsync(entry, ctx, command).ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(CommandEntry entry, CommandContext ctx, RunningCommand command)
    {
        var final = NewBuffer();
        try
        {
            await entry.Handler(ctx).ConfigureAwait(false);
            await ctx.FlushAsync().ConfigureAwait(false);
            if (!ctx.Completed)
            {
                if (ctx.Empty)
                {
                    final.Add(ReplySentence.Empty(ctx.Tag));
                }

                final.Add(ReplySentence.Done(ctx.Tag, ctx.Ret));
            }
        }
        catch (TrapException trap)
        {
            ctx.Discard();
            trap.WriteTo(final, ctx.Tag);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
            // Cancelled by /cancel (which answers for us) or the connection is gone.
        }
        catch (Exception ex)
        {
            // A simulator bug: make it visible to the client instead of silently hanging the command.
            ctx.Discard();
            final.Add(ReplySentence.Trap(ctx.Tag, 4, "simulator internal error: " + ex.GetType().Name + ": " + ex.Message));
            final.Add(ReplySentence.Done(ctx.Tag));
        }

        try
        {
            if (final.Length > 0)
            {
                // Removal from the running list happens under the write lock, so /cancel either
                // sees the command (and answers for it) or the command has already answered.
                await Writer.RunLockedAsync(
                    async () =>
                    {
                        if (command.Cancelled)
                        {
                            return;
                        }

                        Forget(command);
                        await Writer.WriteLockedAsync(final, _closing.Token).ConfigureAwait(false);
                    },
                    _closing.Token).ConfigureAwait(false);
            }
            else
            {
                Forget(command);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    private void Forget(RunningCommand command)
    {
        lock (_gate)
        {
            _running.Remove(command);
        }
    }

    private async Task CancelAsync(CommandSentence sentence)
    {
        string? target = sentence.Attributes.TryGetValue("tag", out string? t) ? t : null;
        await Writer.RunLockedAsync(
            async () =>
            {
                List<RunningCommand> victims;
                lock (_gate)
                {
                    victims = _running.Where(c => target == null || c.Tag == target).ToList();
                    foreach (RunningCommand victim in victims)
                    {
                        _running.Remove(victim);
                    }
                }

                var buffer = NewBuffer();
                if (target != null && victims.Count == 0)
                {
                    // Unverified wording: what a router answers for a tag that is not running.
                    buffer.Add(ReplySentence.Trap(sentence.Tag, 0, "no such command"));
                    buffer.Add(ReplySentence.Done(sentence.Tag));
                    await Writer.WriteLockedAsync(buffer, _closing.Token).ConfigureAwait(false);
                    return;
                }

                foreach (RunningCommand victim in victims)
                {
                    victim.Cancelled = true;
                    victim.Cancellation.Cancel();
                }

                // Order as observed from routers: the victims' traps, the cancel's own !done, then the victims' !done.
                foreach (RunningCommand victim in victims)
                {
                    buffer.Add(ReplySentence.Trap(victim.Tag, 2, "interrupted"));
                }

                buffer.Add(ReplySentence.Done(sentence.Tag));
                foreach (RunningCommand victim in victims)
                {
                    buffer.Add(ReplySentence.Done(victim.Tag));
                }

                await Writer.WriteLockedAsync(buffer, _closing.Token).ConfigureAwait(false);
            },
            _closing.Token).ConfigureAwait(false);
    }

    private async Task LoginAsync(CommandSentence sentence)
    {
        if (Simulator.Faults.HangBeforeLogin)
        {
            return;
        }

        string? tag = sentence.Tag;
        sentence.Attributes.TryGetValue("name", out string? name);
        sentence.Attributes.TryGetValue("password", out string? password);
        sentence.Attributes.TryGetValue("response", out string? response);
        var users = Simulator.Options.Users;

        if (Simulator.Options.LegacyLogin)
        {
            if (response == null)
            {
                // Pre-6.43 routers ignore a password and always answer with a challenge.
                _challenge = RandomNumberGenerator.GetBytes(16);
                await WriteAsync(ReplySentence.Done(tag, Convert.ToHexStringLower(_challenge))).ConfigureAwait(false);
                return;
            }

            bool ok = name != null && _challenge != null && users.TryGetValue(name, out string? secret) &&
                      string.Equals(response, LegacyResponse(secret, _challenge), StringComparison.OrdinalIgnoreCase);
            _challenge = null;
            await FinishLoginAsync(tag, ok ? name : null, name, "cannot log in").ConfigureAwait(false);
            return;
        }

        bool plainOk = name != null && users.TryGetValue(name, out string? pw) && pw == (password ?? string.Empty);
        await FinishLoginAsync(tag, plainOk ? name : null, name, "invalid user name or password (6)").ConfigureAwait(false);
    }

    private async Task FinishLoginAsync(string? tag, string? user, string? attempted, string failure)
    {
        if (user != null)
        {
            User = user;
            Simulator.State.AddLog("system,info,account", $"user {user} logged in from {_remote} via api");
            await WriteAsync(ReplySentence.Done(tag)).ConfigureAwait(false);
            return;
        }

        Simulator.State.AddLog("system,error,critical", $"login failure for user {attempted} from {_remote} via api");
        await WriteAsync(ReplySentence.Trap(tag, null, failure), ReplySentence.Done(tag)).ConfigureAwait(false);
    }

    /// <summary>"00" + hex MD5(0x00, password bytes, challenge bytes).</summary>
    internal static string LegacyResponse(string password, byte[] challenge)
    {
        byte[] pw = WordCodec.WireEncoding.GetBytes(password);
        byte[] input = new byte[1 + pw.Length + challenge.Length];
        pw.CopyTo(input, 1);
        challenge.CopyTo(input, 1 + pw.Length);
        return "00" + Convert.ToHexStringLower(MD5.HashData(input));
    }

    private async Task WriteAsync(params List<string>[] sentences)
    {
        var buffer = NewBuffer();
        foreach (List<string> s in sentences)
        {
            buffer.Add(s);
        }

        await Writer.WriteAsync(buffer, null, _closing.Token).ConfigureAwait(false);
    }
}
