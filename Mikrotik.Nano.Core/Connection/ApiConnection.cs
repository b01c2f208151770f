namespace Mikrotik.Nano
{
    /// <summary>
    /// One RouterOS API connection as a sans-IO state machine: bytes in, bytes out, events out.
    /// It never touches a socket, a thread or a clock; an adapter moves the bytes:
    /// <list type="number">
    /// <item><see cref="PrepareReceive"/> says where in <see cref="ReceiveBuffer"/> to read into;
    /// the adapter reads there and calls <see cref="CommitReceived"/>.</item>
    /// <item><see cref="Poll"/> decodes and routes one event at a time; <see cref="Reply"/> views it.</item>
    /// <item>Commands are built with <see cref="NewCommand"/> and queued by <see cref="Send"/>; the adapter sends
    /// <see cref="TransmitCount"/> bytes from <see cref="TransmitBuffer"/> at <see cref="TransmitOffset"/>
    /// and calls <see cref="CommitTransmitted"/>.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Every buffer is allocated by the constructor; after that, encoding commands and decoding,
    /// routing and reading replies allocate nothing. Not thread-safe: one thread at a time.
    /// </remarks>
    public sealed class ApiConnection
    {
        private const byte InternalIdle = 0;
        private const byte InternalLogin = 1;
        private const byte InternalLoginResponse = 2;
        private const byte InternalCancel = 3;

        private readonly SentenceDecoder _decoder;
        private readonly WordBuffer _transmit;
        private readonly TagTable _tags;
        private readonly Reply _reply;
        private readonly CommandBuffer _command;
        private readonly LegacyLogin _legacyLogin;
        private readonly byte[] _loginResponse = new byte[LegacyLogin.ResponseLength];
        private byte _internalKind;
        private bool _loginTrapped;
        private bool _cancelAllPending;
        private string _user;
        private string _password;

        /// <summary>Creates a connection, allocating every buffer <paramref name="options"/> sizes.</summary>
        /// <param name="options">Buffer sizes and the text decoder; null for the defaults.</param>
        public ApiConnection(ConnectionOptions options)
        {
            if (options == null)
            {
                options = new ConnectionOptions();
            }

            options.Validate();
            _reply = new Reply(options.MaxWordsPerSentence, options.TextDecoder);
            _decoder = new SentenceDecoder(options.ReceiveBufferSize, _reply);
            _transmit = new WordBuffer(options.TransmitBufferSize);
            _tags = new TagTable(options.TagSlots);
            _command = new CommandBuffer(options.CommandBufferSize);
            _legacyLogin = new LegacyLogin(options.MaxPasswordBytes);
        }

        /// <summary>Where the connection is in its life.</summary>
        public ConnectionState State { get; private set; }

        /// <summary>Why the connection closed or the login failed; <see cref="ErrorCode.None"/> otherwise.</summary>
        public ErrorCode Error { get; private set; }

        /// <summary>The reply of the last event; valid until the next <see cref="Poll"/> or <see cref="PrepareReceive"/>.</summary>
        public Reply Reply
        {
            get { return _reply; }
        }

        /// <summary>How many commands may run at once.</summary>
        public int TagSlotCount
        {
            get { return _tags.UserSlots; }
        }

        /// <summary>How many of the caller's commands have not yet received their final <c>!done</c>.</summary>
        public int ActiveCommandCount
        {
            get { return _tags.CountInUse(); }
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
            if (State == ConnectionState.Closed)
            {
                offset = 0;
                return 0;
            }

            return _decoder.PrepareReceive(out offset);
        }

        /// <summary>Tells the connection that <paramref name="count"/> bytes were written where <see cref="PrepareReceive"/> said.</summary>
        /// <param name="count">The number of bytes received.</param>
        public void CommitReceived(int count)
        {
            if (State != ConnectionState.Closed)
            {
                _decoder.CommitReceived(count);
            }
        }

        /// <summary>
        /// Decodes received bytes until one event is ready, and returns it. Replies to commands the
        /// caller released are consumed here silently; everything else is reported.
        /// </summary>
        /// <returns>The event; <see cref="ConnectionEvent.None"/> when more bytes are needed.</returns>
        public ConnectionEvent Poll()
        {
            while (State != ConnectionState.Closed)
            {
                int result = _decoder.Next();
                if (result == 0)
                {
                    return ConnectionEvent.None;
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

            return ConnectionEvent.None;
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

        /// <summary>Tells the connection that <paramref name="count"/> bytes from <see cref="TransmitOffset"/> were sent.</summary>
        /// <param name="count">The number of bytes the transport accepted.</param>
        public void CommitTransmitted(int count)
        {
            _transmit.Consume(count);
            SendPendingCancel();
        }

        // --- Login -------------------------------------------------------------------------

        /// <summary>
        /// Sends <c>/login =name= =password=</c>. If the router answers with a challenge
        /// (<c>=ret=</c>, before RouterOS 6.43), the MD5 response is sent by <see cref="Poll"/>.
        /// The outcome arrives as <see cref="ConnectionEvent.LoginSucceeded"/> or
        /// <see cref="ConnectionEvent.LoginFailed"/>. The password is kept only until then.
        /// </summary>
        /// <param name="user">The user name.</param>
        /// <param name="password">The password.</param>
        public void Login(string user, string password)
        {
            if (State != ConnectionState.LoginRequired || _transmit.IsSentenceOpen)
            {
                throw new MikrotikException(State == ConnectionState.Closed ? ErrorCode.ConnectionClosed : ErrorCode.InvalidState, "cannot log in now");
            }

            _user = user == null ? string.Empty : user;
            _password = password == null ? string.Empty : password;
            _loginTrapped = false;
            Error = ErrorCode.None;
            int slot = _tags.InternalSlot;
            _tags.Occupy(slot);
            _transmit.BeginSentence();
            ErrorCode error = WriteWord("/login", null, null, null);
            if (error == ErrorCode.None) error = WriteWord("=name=", _user, null, null);
            if (error == ErrorCode.None) error = WriteWord("=password=", _password, null, null);
            if (error == ErrorCode.None) error = _transmit.WriteWord(".tag=", null, null, _tags.TagOf(slot));
            if (error == ErrorCode.None) error = _transmit.CommitSentence();
            if (error != ErrorCode.None)
            {
                _tags.Release(slot);
                ForgetCredentials();
                throw new MikrotikException(error, "login does not fit");
            }

            _internalKind = InternalLogin;
            State = ConnectionState.LoggingIn;
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

        /// <summary>
        /// Tags the command, queues it whole in the transmit buffer, and returns its tag, which
        /// every reply to it carries. On failure nothing is queued and the command stays staged,
        /// so it can be sent again after the transport has drained the buffer.
        /// </summary>
        /// <param name="command">A command with its path, from any <see cref="CommandBuffer"/>.</param>
        /// <returns>The command's tag (positive).</returns>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.NotLoggedIn"/>, <see cref="ErrorCode.ConnectionClosed"/>,
        /// <see cref="ErrorCode.InvalidState"/>, <see cref="ErrorCode.TagTableFull"/>, <see cref="ErrorCode.TransmitBufferFull"/>
        /// or <see cref="ErrorCode.CommandTooLarge"/>.</exception>
        public int Send(CommandWriter command)
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
            int slot = _tags.AllocateUser();
            if (slot < 0)
            {
                throw new MikrotikException(ErrorCode.TagTableFull, "all tag slots busy");
            }

            WordBuffer staged = buffer.Words;
            _transmit.BeginSentence();
            ErrorCode error = _transmit.Append(staged.Buffer, staged.Start + staged.Count, staged.OpenLength);
            if (error == ErrorCode.None) error = _transmit.WriteWord(".tag=", null, null, _tags.TagOf(slot));
            if (error == ErrorCode.None) error = _transmit.CommitSentence();
            if (error != ErrorCode.None)
            {
                _tags.Release(slot);
                throw new MikrotikException(error, error == ErrorCode.CommandTooLarge ? "command too large" : "transmit buffer full");
            }

            buffer.Abandon();
            return _tags.TagOf(slot);
        }

        /// <summary>Whether <paramref name="tag"/> is a command of this connection still waiting for its final <c>!done</c>.</summary>
        /// <param name="tag">A tag from <see cref="Send"/>.</param>
        /// <returns>True while the command is active.</returns>
        public bool IsActive(int tag)
        {
            return GetSlot(tag) >= 0;
        }

        /// <summary>
        /// The slot (0 to <see cref="TagSlotCount"/> - 1) of an active command, so an adapter can
        /// keep per-command state in plain arrays; -1 when the tag is not active.
        /// </summary>
        /// <param name="tag">A tag from <see cref="Send"/>.</param>
        /// <returns>The slot, or -1.</returns>
        public int GetSlot(int tag)
        {
            int slot = _tags.Find(tag);
            return slot == _tags.InternalSlot ? -1 : slot;
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
            if (slot >= 0 && _tags.StateOf(slot) == TagTable.Running)
            {
                _tags.SetState(slot, TagTable.Cancelling);
                _tags.SetCancelPending(slot, true);
                SendPendingCancel();
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
                _tags.SetState(slot, TagTable.Released);
            }
        }

        /// <summary>Sends <c>/cancel</c> without a tag, which stops every running command on the router.</summary>
        public void CancelAll()
        {
            for (int i = 0; i < _tags.UserSlots; i++)
            {
                if (_tags.StateOf(i) == TagTable.Running)
                {
                    _tags.SetState(i, TagTable.Cancelling);
                }

                _tags.SetCancelPending(i, false);
            }

            _cancelAllPending = true;
            SendPendingCancel();
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
            State = ConnectionState.LoginRequired;
            _loginTrapped = false;
        }

        /// <summary>
        /// Ends the connection from the adapter's side (peer closed, timeout, transport error):
        /// every active command ends and nothing more is processed.
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

            int slot = _tags.Find(_reply.Tag);
            if (slot < 0)
            {
                return ConnectionEvent.UnroutedReply;
            }

            if (slot == _tags.InternalSlot)
            {
                return DispatchInternal(slot);
            }

            byte state = _tags.StateOf(slot);
            if (_reply.Type == ReplyType.Done)
            {
                _tags.Release(slot);
            }

            return state == TagTable.Released ? ConnectionEvent.None : ConnectionEvent.Reply;
        }

        private ConnectionEvent DispatchInternal(int slot)
        {
            bool done = _reply.Type == ReplyType.Done;
            if (_internalKind == InternalCancel || _loginTrapped)
            {
                // The router's answer to our own /cancel, or the !done after a refused login.
                if (done)
                {
                    FinishInternal(slot);
                    _loginTrapped = false;
                }

                return ConnectionEvent.None;
            }

            if (_reply.Type == ReplyType.Trap)
            {
                _loginTrapped = true;
                Error = ErrorCode.LoginRefused;
                State = ConnectionState.LoginRequired;
                ForgetCredentials();
                return ConnectionEvent.LoginFailed;
            }

            if (!done)
            {
                return ConnectionEvent.None;
            }

            int ret = _reply.FindAttribute("ret");
            if (ret >= 0)
            {
                // Only the first /login may be answered with a challenge.
                return _internalKind == InternalLogin ? AnswerChallenge(slot, ret) : FailLogin(ErrorCode.InvalidChallenge);
            }

            FinishInternal(slot);
            ForgetCredentials();
            State = ConnectionState.Ready;
            return ConnectionEvent.LoginSucceeded;
        }

        private ConnectionEvent AnswerChallenge(int slot, int retWord)
        {
            ErrorCode error = _legacyLogin.ComputeResponse(_password, _reply.Buffer, _reply.GetValueOffset(retWord),
                _reply.GetValueLength(retWord), _loginResponse, 0);
            if (error != ErrorCode.None)
            {
                // InvalidChallenge, or CommandTooLarge for a password beyond MaxPasswordBytes.
                return FailLogin(error);
            }

            _tags.Occupy(slot);
            _transmit.BeginSentence();
            error = WriteWord("/login", null, null, null);
            if (error == ErrorCode.None) error = WriteWord("=name=", _user, null, null);
            if (error == ErrorCode.None) error = _transmit.WriteWord("=response=", null, null, _loginResponse, 0, LegacyLogin.ResponseLength);
            if (error == ErrorCode.None) error = _transmit.WriteWord(".tag=", null, null, _tags.TagOf(slot));
            if (error == ErrorCode.None) error = _transmit.CommitSentence();
            System.Array.Clear(_loginResponse, 0, _loginResponse.Length);
            if (error != ErrorCode.None)
            {
                return FailLogin(error);
            }

            _internalKind = InternalLoginResponse;
            return ConnectionEvent.None;
        }

        private ConnectionEvent FailLogin(ErrorCode code)
        {
            ForgetCredentials();
            Close(code);
            return ConnectionEvent.LoginFailed;
        }

        private void FinishInternal(int slot)
        {
            _tags.Release(slot);
            _internalKind = InternalIdle;
            SendPendingCancel();
        }

        // Writes at most one /cancel at a time, with the internal slot's tag, when one is owed.
        private void SendPendingCancel()
        {
            int slot = _tags.InternalSlot;
            if (State != ConnectionState.Ready || _transmit.IsSentenceOpen || _tags.StateOf(slot) != TagTable.Free)
            {
                return;
            }

            int target = -1;
            if (!_cancelAllPending)
            {
                for (int i = 0; i < _tags.UserSlots && target < 0; i++)
                {
                    if (_tags.IsCancelPending(i))
                    {
                        target = i;
                    }
                }

                if (target < 0)
                {
                    return;
                }
            }

            _tags.Occupy(slot);
            _transmit.BeginSentence();
            ErrorCode error = WriteWord("/cancel", null, null, null);
            if (error == ErrorCode.None && target >= 0) error = _transmit.WriteWord("=tag=", null, null, _tags.TagOf(target));
            if (error == ErrorCode.None) error = _transmit.WriteWord(".tag=", null, null, _tags.TagOf(slot));
            if (error == ErrorCode.None) error = _transmit.CommitSentence();
            if (error != ErrorCode.None)
            {
                // No room yet: retried when the transport drains the buffer.
                _tags.Release(slot);
                return;
            }

            _internalKind = InternalCancel;
            if (target >= 0)
            {
                _tags.SetCancelPending(target, false);
            }
            else
            {
                _cancelAllPending = false;
            }
        }

        private ErrorCode WriteWord(string a, string b, string c, string value)
        {
            return _transmit.WriteWord(a, b, c, value);
        }

        private void Close(ErrorCode reason)
        {
            State = ConnectionState.Closed;
            Error = reason;
            _tags.ReleaseAll();
            _cancelAllPending = false;
            _internalKind = InternalIdle;
            ForgetCredentials();
        }

        private void ForgetCredentials()
        {
            _user = null;
            _password = null;
        }
    }
}
