namespace Mikrotik.Nano
{
    /// <summary>
    /// One RouterOS API connection as a sans-IO state machine: bytes, time and end of stream in;
    /// bytes and events out. It never touches a socket, a thread or a clock.
    /// </summary>
    /// <remarks>
    /// <para><b>States</b> (<see cref="State"/>): LoginRequired --Login--&gt; LoggingIn --!done--&gt; Ready;
    /// LoggingIn --!trap--&gt; LoginRequired; any --!fatal, protocol error, end of stream, keepalive or
    /// login timeout, Abort--&gt; Closed; Reset --&gt; LoginRequired (a new transport).</para>
    /// <para><b>Inputs</b>: received bytes (<see cref="PrepareReceive"/>, then <see cref="CommitReceived"/>;
    /// a count of 0 is the peer's end of stream); the time (<see cref="HandleTimeout"/>, in
    /// milliseconds of the caller's monotonic clock); the caller's calls (<see cref="Login(string, string, long)"/>,
    /// <see cref="Send(CommandWriter, long)"/>, <see cref="Cancel"/>, <see cref="Release"/>,
    /// <see cref="CancelAll"/>, <see cref="Abort"/>).</para>
    /// <para><b>Outputs</b>: bytes to send (<see cref="TransmitBuffer"/> from <see cref="TransmitOffset"/>,
    /// <see cref="TransmitCount"/> long; then <see cref="CommitTransmitted"/>); events, one per
    /// <see cref="Poll"/>, viewed through <see cref="Reply"/>, <see cref="EventSlot"/> and
    /// <see cref="EventTag"/>; the next time it needs (<see cref="PollTimeout"/>).</para>
    /// <para><b>Call order</b> of an adapter's loop: read into the buffer and commit (0 at end of
    /// stream); <see cref="HandleTimeout"/> with the clock; <see cref="Poll"/> until
    /// <see cref="ConnectionEvent.None"/>; send what is queued; wait for bytes at most until
    /// <see cref="PollTimeout"/>. Deadlines armed by Login and Send, the keepalive probe and
    /// half-open detection all run from <see cref="HandleTimeout"/>; no clock is read here.</para>
    /// <para><b>Slots</b>: each command owns a slot until its final <c>!done</c>. Every routed event
    /// names its slot; the slot of a command whose final reply was just delivered is freed at the
    /// next <see cref="Poll"/> (or reused by a <see cref="Send(CommandWriter, long)"/> made after
    /// it), so the layer above always sees that reply before the slot serves another command. Login, cancels and
    /// the keepalive probe use the connection's own tags, never a command slot.</para>
    /// <para>Every buffer is allocated by the constructor; after that nothing is allocated.
    /// Not thread-safe: one thread at a time.</para>
    /// </remarks>
    public sealed class ApiConnection
    {
        private const string KeepalivePath = "/system/identity/print";

        private readonly ReplyWords _words;
        private readonly SentenceDecoder _decoder;
        private readonly WordBuffer _transmit;
        private readonly CommandTable _commands;
        private readonly OwnTags _own;
        private readonly Reply _reply;
        private readonly CommandBuffer _command;
        private readonly LoginExchange _login;
        private readonly Keepalive _keepalive;
        private ConnectionEvent _pendingEvent;
        private int _finishedSlot = -1;
        private bool _cancelAllOwed;
        private bool _endOfStream;
        private bool _closedMidSentence;
        private bool _timeoutsToReport;
        private ConnectionState _state;
        private ErrorCode _error;
        private int _eventSlot;
        private int _eventTag;

        /// <summary>
        /// The deadline that never comes: pass it to <see cref="Send(CommandWriter, long, out int)"/> or
        /// <see cref="Login(string, string, long)"/> for none; <see cref="PollTimeout"/> returns it when no timer is armed.
        /// </summary>
        public const long NoDeadline = long.MaxValue;

        /// <summary>Creates a connection, allocating every buffer <paramref name="options"/> sizes.</summary>
        /// <param name="options">Buffer sizes, keepalive and the text decoder; null for the defaults.</param>
        public ApiConnection(ConnectionOptions options)
        {
            if (options == null)
            {
                options = new ConnectionOptions();
            }

            options.Validate();
            _words = new ReplyWords(options.MaxWordsPerSentence);
            _reply = new Reply(_words, options.TextDecoder);
            _decoder = new SentenceDecoder(options.ReceiveBufferSize, _words);
            _transmit = new WordBuffer(options.TransmitBufferSize);
            _commands = new CommandTable(options.TagSlots);
            _own = new OwnTags(options.TagSlots + 4);
            _command = new CommandBuffer(options.CommandBufferSize);
            _login = new LoginExchange(options.MaxPasswordBytes, _commands);
            _keepalive = new Keepalive(options.KeepaliveIdleMilliseconds, options.KeepaliveTimeoutMilliseconds);
        }

        /// <summary>Where the connection is in its life.</summary>
        public ConnectionState State
        {
            get { return _state; }
        }

        /// <summary>Why the connection closed or the login failed; <see cref="ErrorCode.None"/> otherwise.</summary>
        public ErrorCode Error
        {
            get { return _error; }
        }

        /// <summary>
        /// True when the connection ended at the peer's end of stream with part of a reply received:
        /// that reply is lost (its command ends with <see cref="ErrorCode.PeerClosed"/> like the others),
        /// and a router that closes cleanly does so between sentences.
        /// </summary>
        public bool ClosedMidSentence
        {
            get { return _closedMidSentence; }
        }

        /// <summary>The reply of the last event; valid until the next <see cref="Poll"/> or <see cref="PrepareReceive"/>.</summary>
        public Reply Reply
        {
            get { return _reply; }
        }

        /// <summary>The slot (0 to <see cref="TagSlotCount"/> - 1) of the command the last event concerns; -1 for none.</summary>
        public int EventSlot
        {
            get { return _eventSlot; }
        }

        /// <summary>The tag of the command the last event concerns; -1 for none.</summary>
        public int EventTag
        {
            get { return _eventTag; }
        }

        /// <summary>How many commands may run at once.</summary>
        public int TagSlotCount
        {
            get { return _commands.Count; }
        }

        /// <summary>How many of the caller's commands have not yet received their final <c>!done</c>.</summary>
        public int ActiveCommandCount
        {
            get { return _commands.CountActive(); }
        }

        // --- Receiving ---------------------------------------------------------------------

        /// <summary>The buffer received bytes go into (see <see cref="PrepareReceive"/>).</summary>
        public byte[] ReceiveBuffer
        {
            get { return _decoder.Buffer; }
        }

        /// <summary>
        /// Makes room and says where the next received bytes go. 0 means the buffer is full of
        /// replies not yet polled: poll before reading more (this is the backpressure).
        /// Invalidates <see cref="Reply"/>.
        /// </summary>
        /// <param name="offset">Where in <see cref="ReceiveBuffer"/> to write.</param>
        /// <returns>How many bytes may be written there.</returns>
        public int PrepareReceive(out int offset)
        {
            if (State == ConnectionState.Closed || _endOfStream)
            {
                offset = 0;
                return 0;
            }

            return _decoder.PrepareReceive(out offset);
        }

        /// <summary>
        /// Tells the connection that <paramref name="count"/> bytes were written where
        /// <see cref="PrepareReceive"/> said; 0 means the peer ended the stream. Sentences already
        /// complete are still delivered by <see cref="Poll"/>; then the connection closes with
        /// <see cref="ErrorCode.PeerClosed"/>, discarding a sentence left unfinished.
        /// </summary>
        /// <param name="count">The number of bytes received; 0 at end of stream.</param>
        public void CommitReceived(int count)
        {
            if (State == ConnectionState.Closed || _endOfStream)
            {
                return;
            }

            if (count == 0)
            {
                _endOfStream = true;
                return;
            }

            _decoder.CommitReceived(count);
            _keepalive.Heard();
        }

        /// <summary>
        /// Returns the next event: a timer's outcome, or a decoded reply. Replies to commands the
        /// caller released, and to the connection's own sentences, are consumed here silently;
        /// everything else is reported. Frees the slot of a command whose final reply the previous
        /// call delivered.
        /// </summary>
        /// <returns>The event; <see cref="ConnectionEvent.None"/> when more bytes (or time) are needed.</returns>
        public ConnectionEvent Poll()
        {
            if (_finishedSlot >= 0)
            {
                if (_commands.StateOf(_finishedSlot) == SlotState.Finished)
                {
                    _commands.SetState(_finishedSlot, SlotState.Free);
                }

                _finishedSlot = -1;
            }

            _eventSlot = -1;
            _eventTag = -1;
            if (_pendingEvent != ConnectionEvent.None)
            {
                ConnectionEvent pending = _pendingEvent;
                _pendingEvent = ConnectionEvent.None;
                return pending;
            }

            if (State == ConnectionState.Closed)
            {
                return ConnectionEvent.None;
            }

            if (_timeoutsToReport)
            {
                int timedOut = _commands.FirstIn(SlotState.TimedOut);
                if (timedOut >= 0)
                {
                    _commands.SetState(timedOut, SlotState.Released);
                    return Named(ConnectionEvent.Timeout, timedOut);
                }

                _timeoutsToReport = false;
            }

            while (true)
            {
                int result = _decoder.Next();
                if (result == 0)
                {
                    if (!_endOfStream)
                    {
                        return ConnectionEvent.None;
                    }

                    _closedMidSentence = _decoder.IsMidSentence;
                    Close(ErrorCode.PeerClosed);
                    return ConnectionEvent.Closed;
                }

                if (result < 0)
                {
                    Close(_decoder.Error);
                    return ConnectionEvent.Closed;
                }

                ConnectionEvent e = Dispatch();
                if (e != ConnectionEvent.None)
                {
                    return e;
                }
            }
        }

        // --- Time --------------------------------------------------------------------------

        /// <summary>
        /// Gives the connection the time: deadlines of the login and of commands that have passed
        /// fire (reported by <see cref="Poll"/>), and the keepalive probes or declares the
        /// connection dead. Call it on every turn of the adapter's loop.
        /// </summary>
        /// <param name="now">Milliseconds of the caller's monotonic clock.</param>
        public void HandleTimeout(long now)
        {
            if (State == ConnectionState.LoggingIn)
            {
                if (now >= _login.Deadline)
                {
                    Close(ErrorCode.Timeout);
                    _pendingEvent = ConnectionEvent.LoginFailed;
                }

                return;
            }

            if (State != ConnectionState.Ready)
            {
                return;
            }

            if (_commands.ExpireDeadlines(now))
            {
                _timeoutsToReport = true;
            }
            KeepaliveAction action = _keepalive.OnTime(now);
            if (action == KeepaliveAction.Dead)
            {
                Close(ErrorCode.KeepaliveTimeout);
                _pendingEvent = ConnectionEvent.Closed;
                return;
            }

            if (action == KeepaliveAction.Probe && WriteProbe())
            {
                _keepalive.Sent(now);
            }

            WriteOwnSentences();
        }

        /// <summary>
        /// When <see cref="HandleTimeout"/> next has work: the earliest armed deadline, in the
        /// caller's milliseconds; <see cref="NoDeadline"/> when none is armed.
        /// </summary>
        /// <returns>The time of the next timer.</returns>
        public long PollTimeout()
        {
            if (State == ConnectionState.LoggingIn)
            {
                return _login.Deadline;
            }

            if (State != ConnectionState.Ready)
            {
                return NoDeadline;
            }

            long earliest = _commands.EarliestDeadline();
            long keepalive = _keepalive.Deadline;
            return keepalive < earliest ? keepalive : earliest;
        }

        // --- Transmitting ------------------------------------------------------------------

        /// <summary>The buffer commands are encoded into.</summary>
        public byte[] TransmitBuffer
        {
            get { return _transmit.Buffer; }
        }

        /// <summary>Where the bytes waiting to be sent start.</summary>
        public int TransmitOffset
        {
            get { return _transmit.Start; }
        }

        /// <summary>How many bytes are waiting to be sent.</summary>
        public int TransmitCount
        {
            get { return _transmit.Count; }
        }

        /// <summary>
        /// Tells the connection that <paramref name="count"/> bytes from <see cref="TransmitOffset"/>
        /// were sent. Login bytes are zeroed once sent.
        /// </summary>
        /// <param name="count">The number of bytes the transport accepted.</param>
        public void CommitTransmitted(int count)
        {
            _transmit.Consume(count);
            WriteOwnSentences();
        }

        // --- Login -------------------------------------------------------------------------

        /// <summary>Same as <see cref="Login(string, string, long)"/> with no deadline.</summary>
        /// <param name="user">The user name.</param>
        /// <param name="password">The password.</param>
        public void Login(string user, string password)
        {
            Login(user, password, NoDeadline);
        }

        /// <summary>
        /// Sends <c>/login =name= =password=</c>. If the router answers with a challenge
        /// (<c>=ret=</c>, before RouterOS 6.43), the MD5 response is sent by <see cref="Poll"/>.
        /// The outcome arrives as <see cref="ConnectionEvent.LoginSucceeded"/> or
        /// <see cref="ConnectionEvent.LoginFailed"/>. The password is kept only until then.
        /// </summary>
        /// <param name="user">The user name.</param>
        /// <param name="password">The password.</param>
        /// <param name="deadline">When the login fails with <see cref="ErrorCode.Timeout"/> (see <see cref="HandleTimeout"/>); <see cref="NoDeadline"/> for none.</param>
        public void Login(string user, string password, long deadline)
        {
            if (State != ConnectionState.LoginRequired || _transmit.IsSentenceOpen)
            {
                throw new MikrotikException(State == ConnectionState.Closed ? ErrorCode.ConnectionClosed : ErrorCode.InvalidState, "cannot log in now");
            }

            _error = ErrorCode.None;
            ErrorCode error = _login.Start(_transmit, user, password, deadline);
            if (error != ErrorCode.None)
            {
                throw new MikrotikException(error, "login does not fit");
            }

            _state = ConnectionState.LoggingIn;
        }

        // --- Commands ----------------------------------------------------------------------

        /// <summary>
        /// Starts a command in the connection's own <see cref="CommandBuffer"/>, discarding any
        /// command begun there but not sent. Its only step is <see cref="CommandBuilder.Path"/>.
        /// </summary>
        /// <returns>The builder.</returns>
        public CommandBuilder NewCommand()
        {
            return _command.Begin();
        }

        /// <summary>Same as <see cref="Send(CommandWriter, long, out int)"/> with no deadline, the slot not wanted.</summary>
        /// <param name="command">A command with its path.</param>
        /// <returns>The command's tag (positive).</returns>
        public int Send(CommandWriter command)
        {
            int slot;
            return Send(command, NoDeadline, out slot);
        }

        /// <summary>Same as <see cref="Send(CommandWriter, long, out int)"/>, the slot not wanted.</summary>
        /// <param name="command">A command with its path.</param>
        /// <param name="deadline">When the command times out; <see cref="NoDeadline"/> for none.</param>
        /// <returns>The command's tag (positive).</returns>
        public int Send(CommandWriter command, long deadline)
        {
            int slot;
            return Send(command, deadline, out slot);
        }

        /// <summary>
        /// Tags the command, queues it whole in the transmit buffer, and returns its tag, which
        /// every reply to it carries, and its slot, which every event about it names
        /// (<see cref="EventSlot"/>), so an adapter keeps per-command state in plain arrays. On
        /// failure nothing is queued and the command stays staged, so it can be sent again after
        /// the transport has drained the buffer.
        /// </summary>
        /// <param name="command">A command with its path, from any <see cref="CommandBuffer"/>.</param>
        /// <param name="deadline">When the command times out (see <see cref="HandleTimeout"/>), in the caller's milliseconds; <see cref="NoDeadline"/> for none.</param>
        /// <param name="slot">The command's slot, 0 to <see cref="TagSlotCount"/> - 1, until its final event.</param>
        /// <returns>The command's tag (positive).</returns>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.NotLoggedIn"/>, <see cref="ErrorCode.ConnectionClosed"/>,
        /// <see cref="ErrorCode.InvalidState"/>, <see cref="ErrorCode.TagTableFull"/>, <see cref="ErrorCode.TransmitBufferFull"/>
        /// or <see cref="ErrorCode.CommandTooLarge"/>.</exception>
        public int Send(CommandWriter command, long deadline, out int slot)
        {
            if (command == null)
            {
                throw new System.ArgumentNullException("command");
            }

            if (State != ConnectionState.Ready)
            {
                throw new MikrotikException(State == ConnectionState.Closed ? ErrorCode.ConnectionClosed : ErrorCode.NotLoggedIn, "not ready");
            }

            CommandBuffer buffer = command.Buffer;
            buffer.CheckStaged();
            slot = _commands.Allocate(deadline);
            if (slot < 0)
            {
                throw new MikrotikException(ErrorCode.TagTableFull, "all tag slots busy");
            }

            WordBuffer staged = buffer.Words;
            _transmit.BeginSentence();
            ErrorCode error = _transmit.Append(staged.Buffer, staged.Start + staged.Count, staged.OpenLength);
            if (error == ErrorCode.None) error = _transmit.WriteWord(".tag=", null, null, (long)_commands.TagOf(slot));
            if (error == ErrorCode.None) error = _transmit.CommitSentence();
            if (error != ErrorCode.None)
            {
                _commands.SetState(slot, SlotState.Free);
                slot = -1;
                throw new MikrotikException(error, error == ErrorCode.CommandTooLarge ? "command too large" : "transmit buffer full");
            }

            buffer.Abandon();
            return _commands.TagOf(slot);
        }

        /// <summary>Whether <paramref name="tag"/> is a command of this connection still waiting for its final <c>!done</c>.</summary>
        /// <param name="tag">A tag from <see cref="Send(CommandWriter, long, out int)"/>.</param>
        /// <returns>True while the command is active.</returns>
        public bool IsActive(int tag)
        {
            return GetSlot(tag) >= 0;
        }

        // The slot of an active command, or -1.
        private int GetSlot(int tag)
        {
            int slot = _commands.Find(tag);
            return slot >= 0 && _commands.StateOf(slot) != SlotState.Finished ? slot : -1;
        }

        /// <summary>
        /// Asks the router to stop the command (<c>/cancel =tag=</c>, sent with the connection's own
        /// tag). Its replies keep coming to the caller, normally <c>!trap</c> "interrupted" and then
        /// <c>!done</c>. Does nothing if the command has already been cancelled or has finished.
        /// </summary>
        /// <param name="tag">The command's tag.</param>
        public void Cancel(int tag)
        {
            int slot = GetSlot(tag);
            if (slot >= 0 && _commands.CancelOf(slot) == CancelStep.None)
            {
                _commands.SetCancel(slot, CancelStep.Owed);
                WriteOwnSentences();
            }
        }

        /// <summary>
        /// The caller is done with the command: it is cancelled if still running, its remaining
        /// replies are consumed silently, and its slot is reused after the router's final
        /// <c>!done</c>. Safe to call for a finished command.
        /// </summary>
        /// <param name="tag">The command's tag.</param>
        public void Release(int tag)
        {
            int slot = GetSlot(tag);
            if (slot >= 0)
            {
                Cancel(tag);
                _commands.SetState(slot, SlotState.Released);
            }
        }

        /// <summary>Sends <c>/cancel</c> without a tag, which stops every running command on the router.</summary>
        public void CancelAll()
        {
            for (int i = 0; i < _commands.Count; i++)
            {
                if (_commands.CancelOf(i) == CancelStep.Owed)
                {
                    _commands.SetCancel(i, CancelStep.Sent);
                }
            }

            _cancelAllOwed = true;
            WriteOwnSentences();
        }

        /// <summary>
        /// Makes the connection new again for another transport (a reconnect), reusing every
        /// buffer: nothing is allocated. Commands of the old connection are no longer active, and
        /// tags keep counting up, so an old tag never matches a new command.
        /// </summary>
        public void Reset()
        {
            _decoder.Reset();
            _transmit.Clear();
            Close(ErrorCode.None);
            _login.Reset();
            _pendingEvent = ConnectionEvent.None;
            _endOfStream = false;
            _closedMidSentence = false;
            _state = ConnectionState.LoginRequired;
        }

        /// <summary>
        /// Ends the connection from the adapter's side (transport error, local close): every active
        /// command ends and nothing more is processed. No event is reported for it.
        /// </summary>
        /// <param name="reason">Why.</param>
        public void Abort(ErrorCode reason)
        {
            if (State != ConnectionState.Closed)
            {
                Close(reason);
            }
        }

        // --- Internals ---------------------------------------------------------------------

        private ConnectionEvent Dispatch()
        {
            if (_reply.Type == ReplyType.Fatal)
            {
                Close(ErrorCode.Fatal);
                return ConnectionEvent.Closed;
            }

            int tag = _reply.Tag;
            if (_login.Owns(tag))
            {
                return DispatchLogin();
            }

            int slot = _commands.Find(tag);
            if (slot < 0 || _commands.StateOf(slot) == SlotState.Finished)
            {
                // Not a command's: the connection's own (/cancel, keepalive), or nobody's.
                if (!_own.Contains(tag))
                {
                    return ConnectionEvent.UnroutedReply;
                }

                if (_reply.Type == ReplyType.Done)
                {
                    _own.Remove(tag);
                }

                return ConnectionEvent.None;
            }

            bool done = _reply.Type == ReplyType.Done;
            if (_commands.StateOf(slot) != SlotState.Running)
            {
                // Released or timed out: the caller has moved on; the router's !done frees the slot.
                if (done)
                {
                    _commands.SetState(slot, SlotState.Free);
                }

                return ConnectionEvent.None;
            }

            if (done)
            {
                _commands.SetState(slot, SlotState.Finished);
                _finishedSlot = slot;
            }

            return Named(ConnectionEvent.Reply, slot);
        }

        private ConnectionEvent DispatchLogin()
        {
            LoginOutcome outcome = _login.OnReply(_reply, _transmit);
            if (outcome == LoginOutcome.Succeeded)
            {
                _state = ConnectionState.Ready;
                _keepalive.Start();
                return ConnectionEvent.LoginSucceeded;
            }

            if (outcome == LoginOutcome.Refused)
            {
                _error = ErrorCode.LoginRefused;
                _state = ConnectionState.LoginRequired;
                return ConnectionEvent.LoginFailed;
            }

            if (outcome == LoginOutcome.Failed)
            {
                Close(_login.Error);
                return ConnectionEvent.LoginFailed;
            }

            return ConnectionEvent.None;
        }

        private ConnectionEvent Named(ConnectionEvent e, int slot)
        {
            _eventSlot = slot;
            _eventTag = _commands.TagOf(slot);
            return e;
        }

        // Writes every cancel owed (fire-and-forget, each on its own tag) while they fit.
        private void WriteOwnSentences()
        {
            if (State != ConnectionState.Ready || _transmit.IsSentenceOpen)
            {
                return;
            }

            if (_cancelAllOwed && WriteCancel(-1))
            {
                _cancelAllOwed = false;
            }

            int slot;
            while ((slot = _commands.FirstCancelOwed()) >= 0 && WriteCancel(slot))
            {
                _commands.SetCancel(slot, CancelStep.Sent);
            }
        }

        // "/cancel =tag=T" (or every command when slot is -1); false when it does not fit yet.
        private bool WriteCancel(int slot)
        {
            int own = _commands.NextTag();
            _transmit.BeginSentence();
            ErrorCode error = _transmit.WriteWord("/cancel", null, null, (string)null);
            if (error == ErrorCode.None && slot >= 0) error = _transmit.WriteWord("=tag=", null, null, (long)_commands.TagOf(slot));
            return Commit(error, own);
        }

        private bool WriteProbe()
        {
            if (_transmit.IsSentenceOpen)
            {
                return false;
            }

            int own = _commands.NextTag();
            _transmit.BeginSentence();
            ErrorCode error = _transmit.WriteWord(KeepalivePath, null, null, (string)null);
            if (error == ErrorCode.None) error = _transmit.WriteWord("=.proplist=name", null, null, (string)null);
            return Commit(error, own);
        }

        private bool Commit(ErrorCode error, int own)
        {
            if (error == ErrorCode.None) error = _transmit.WriteWord(".tag=", null, null, (long)own);
            if (error == ErrorCode.None) error = _transmit.CommitSentence();
            if (error != ErrorCode.None)
            {
                // No room yet: written when the transport drains the buffer.
                return false;
            }

            _own.Add(own);
            return true;
        }

        private void Close(ErrorCode reason)
        {
            _state = ConnectionState.Closed;
            _error = reason;
            _commands.FreeAll();
            _own.Clear();
            _finishedSlot = -1;
            _cancelAllOwed = false;
            _keepalive.Stop();
            _login.Forget();
        }
    }
}
