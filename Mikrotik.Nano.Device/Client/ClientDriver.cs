using System;
using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>
    /// The one owner of an <see cref="ApiClient"/>'s lock, and the only code that touches its
    /// <see cref="ApiConnection"/> and transport: every method here takes the lock itself (or
    /// says it runs under it), so no caller holds it or needs to know it exists.
    /// </summary>
    /// <remarks>
    /// <para>A turn (<see cref="Turn"/>): drain the core's events into the per-slot records (each
    /// event names its slot); give the core the clock; read the transport outside the lock (0 bytes
    /// = end of stream); commit and drain again; send what the core queued.</para>
    /// <para>A command's replies go to its record's <see cref="ICommandSink"/>, or back to the
    /// caller of <see cref="ApiClient.Poll"/> when it has none.</para>
    /// <code>
    /// record: inactive --Send--&gt; active --!done / sink stops it / timeout / release / connection lost--&gt; inactive
    /// pump:   none --StartPump--&gt; running --StopPump, connection end or a failure--&gt; none
    /// </code>
    /// </remarks>
    internal sealed class ClientDriver
    {
        private readonly object _sync = new object();
        private readonly ClientOptions _options;
        private readonly IClock _clock;
        private readonly ApiConnection _connection;
        private readonly CommandBuffer _command;
        private readonly CommandRecord[] _records;
        private readonly OutcomeHistory _outcomes;
        private readonly AutoResetEvent _slotFreed = new AutoResetEvent(false);

        private ITransport _transport;
        private Thread _pump;
        private bool _stopPump;
        private ConnectionEvent _loginEvent;
        private string _errorMessage;
        private int _unroutedReplyCount;
        private long _lastNow;
        private int _lastRecord;
        private ReplyHandler _unroutedReplyHandler;

        internal ClientDriver(ClientOptions options, IClock clock)
        {
            _options = options;
            _clock = clock;
            _connection = new ApiConnection(options.Connection);
            _command = new CommandBuffer(options.Connection.CommandBufferSize);
            _records = new CommandRecord[_connection.TagSlotCount];
            for (int i = 0; i < _records.Length; i++)
            {
                _records[i] = new CommandRecord(this);
            }

            _outcomes = new OutcomeHistory(2 * _records.Length + 8);
        }

        // --- State ----------------------------------------------------------------------------

        internal bool IsConnected
        {
            get
            {
                lock (_sync)
                {
                    return Connected;
                }
            }
        }

        internal ErrorCode Error
        {
            get { return _connection.Error; }
        }

        internal string ErrorMessage
        {
            get { return _errorMessage; }
        }

        internal bool IsPumpRunning
        {
            get { return _pump != null; }
        }

        internal int UnroutedReplyCount
        {
            get { return _unroutedReplyCount; }
        }

        internal ReplyHandler UnroutedReplyHandler
        {
            get { return _unroutedReplyHandler; }
            set { _unroutedReplyHandler = value; }
        }

        /// <summary>Why the connection is not alive: its error, else <see cref="ErrorCode.ConnectionClosed"/>.</summary>
        internal ErrorCode EndReason
        {
            get { return _connection.Error == ErrorCode.None ? ErrorCode.ConnectionClosed : _connection.Error; }
        }

        private bool Connected
        {
            get { return _transport != null && _connection.State != ConnectionState.Closed; }
        }

        // --- Lifecycle and login ---------------------------------------------------------------

        /// <summary>Ends any earlier connection, attaches <paramref name="transport"/> and sends the login.</summary>
        internal void BeginLogin(ITransport transport, string user, string password)
        {
            lock (_sync)
            {
                if (_pump != null)
                {
                    throw new MikrotikException(ErrorCode.InvalidState, "stop the pump first");
                }

                if (_transport != null)
                {
                    Lost(ErrorCode.ClosedLocally);
                }

                _connection.Reset();
                _transport = transport;
                _loginEvent = ConnectionEvent.None;
                _errorMessage = null;
                _lastNow = _clock.NowMilliseconds;
                _connection.Login(user, password, _lastNow + _options.LoginTimeoutMilliseconds);
                Flush();
            }
        }

        /// <summary>Whether the login has an outcome (or the connection ended first).</summary>
        internal bool IsLoginDecided
        {
            get
            {
                lock (_sync)
                {
                    return _loginEvent != ConnectionEvent.None || !Connected;
                }
            }
        }

        /// <summary>Returns if the login succeeded; else ends the connection and throws why.</summary>
        internal void FinishLogin()
        {
            lock (_sync)
            {
                if (_loginEvent == ConnectionEvent.LoginSucceeded && Connected)
                {
                    return;
                }

                ErrorCode code = _connection.Error == ErrorCode.None ? ErrorCode.LoginRefused : _connection.Error;
                Lost(code);
                throw new MikrotikException(code, _errorMessage != null ? _errorMessage : code == ErrorCode.Timeout ? "login timed out" : "login failed");
            }
        }

        /// <summary>Closes the transport and ends every command (<see cref="ErrorCode.ClosedLocally"/>).</summary>
        internal void Close()
        {
            lock (_sync)
            {
                Lost(ErrorCode.ClosedLocally);
            }
        }

        // --- Submission ------------------------------------------------------------------------

        internal CommandBuilder NewCommand()
        {
            lock (_sync)
            {
                if (_command.IsStaged)
                {
                    throw new MikrotikException(ErrorCode.InvalidState, "NewCommand: the command built before is unsent; send it or use your own CommandBuffer");
                }

                return _command.Begin();
            }
        }

        /// <summary>Sends a command whose replies the caller polls for (none while the pump runs).</summary>
        internal CommandHandle SendPolled(CommandWriter command)
        {
            lock (_sync)
            {
                if (_pump != null)
                {
                    throw new MikrotikException(ErrorCode.InvalidState, "the pump needs a handler");
                }

                return new CommandHandle(this, SendLocked(command, ApiConnection.NoDeadline, false, null, null));
            }
        }

        /// <summary>Sends a command whose replies go to <paramref name="handler"/>.</summary>
        internal CommandHandle SendToHandler(CommandWriter command, ReplyHandler handler, long deadline)
        {
            lock (_sync)
            {
                return new CommandHandle(this, SendLocked(command, deadline, false, null, handler));
            }
        }

        /// <summary>
        /// Run and ReadString: tries to send the command into <paramref name="sink"/>.
        /// <see cref="ErrorCode.None"/> and its tag when sent; <see cref="ErrorCode.TagTableFull"/>
        /// when every slot is busy (the command stays staged: wait, then try again); otherwise why
        /// it could not be sent (the command is discarded).
        /// </summary>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.InvalidState"/>: polled commands are pending, or the command was sent already.</exception>
        internal ErrorCode TrySend(CommandWriter command, ICommandSink sink, long deadline, out int tag)
        {
            tag = 0;
            lock (_sync)
            {
                if (_pump == null && HasPolledCommand())
                {
                    // Pumping here would swallow the replies of commands the caller polls for.
                    throw new MikrotikException(ErrorCode.InvalidState, "finish polled commands first");
                }

                if (!Connected)
                {
                    Discard(command);
                    return EndReason;
                }

                try
                {
                    tag = SendLocked(command, deadline, true, sink, null);
                    return ErrorCode.None;
                }
                catch (MikrotikException e)
                {
                    if (e.Code == ErrorCode.InvalidState)
                    {
                        throw;
                    }

                    if (e.Code != ErrorCode.TagTableFull)
                    {
                        Discard(command);
                    }

                    return e.Code;
                }
            }
        }

        /// <summary>Drops a staged command that will not be sent, so its buffer is free for the next one.</summary>
        internal void Abandon(CommandWriter command)
        {
            lock (_sync)
            {
                Discard(command);
            }
        }

        /// <summary>Waits up to <paramref name="milliseconds"/> for a slot to free (pump mode).</summary>
        internal void WaitForSlot(int milliseconds)
        {
            _slotFreed.WaitOne(milliseconds, false);
        }

        /// <summary>Waits up to <paramref name="milliseconds"/> for command <paramref name="tag"/> to end (pump mode).</summary>
        internal void WaitForEnd(int tag, int milliseconds)
        {
            CommandRecord record;
            lock (_sync)
            {
                record = Record(tag);
            }

            if (record != null)
            {
                record.Ended.WaitOne(milliseconds, false);
            }
        }

        // --- Used by CommandHandle ---------------------------------------------------------------

        internal bool IsCommandActive(int tag)
        {
            // A polled command ends on the thread that polls for it, before its final reply is
            // returned, so that thread reads its record without the lock (a polling loop asks once
            // per reply). A command with a sink takes the lock: handlers run under it, and a
            // command ends only after its handler has seen the final reply, so a thread that
            // handler wakes must wait to read "ended". Tags are never reused, so a record not
            // found is a command that has ended.
            CommandRecord record = Record(tag);
            if (record == null)
            {
                return false;
            }

            if (record.Sink == null)
            {
                return true;
            }

            lock (_sync)
            {
                return Record(tag) != null;
            }
        }

        internal ErrorCode GetCommandError(int tag)
        {
            lock (_sync)
            {
                return Record(tag) != null ? ErrorCode.None : _outcomes.Find(tag);
            }
        }

        internal void CancelCommand(int tag, bool release)
        {
            lock (_sync)
            {
                CommandRecord record = Record(tag);
                if (record == null || !Connected)
                {
                    return;
                }

                if (release)
                {
                    _connection.Release(tag);
                    End(record, ErrorCode.None, false);
                }
                else
                {
                    _connection.Cancel(tag);
                }

                Flush();
            }
        }

        // --- The pump's state ------------------------------------------------------------------

        internal void StartPump(ThreadStart loop)
        {
            lock (_sync)
            {
                if (_pump != null)
                {
                    return;
                }

                if (!Connected)
                {
                    throw new MikrotikException(ErrorCode.ConnectionClosed, "not connected");
                }

                if (HasPolledCommand())
                {
                    throw new MikrotikException(ErrorCode.InvalidState, "finish polled commands first");
                }

                _stopPump = false;
                _pump = new Thread(loop);
                _pump.Start();
            }
        }

        /// <summary>Asks the pump to stop; returns its thread (null when none runs).</summary>
        internal Thread RequestPumpStop()
        {
            lock (_sync)
            {
                _stopPump = true;
                return _pump;
            }
        }

        /// <summary>The pump <paramref name="pump"/> is over: forget it unless a newer one runs.</summary>
        internal void PumpEnded(Thread pump)
        {
            lock (_sync)
            {
                if (_pump == pump)
                {
                    _pump = null;
                }
            }
        }

        /// <summary>Whether the pump should take another turn.</summary>
        internal bool PumpShouldRun
        {
            get
            {
                lock (_sync)
                {
                    return !_stopPump && Connected;
                }
            }
        }

        /// <summary>An unexpected failure on the pump's thread ends the connection (never the thread silently).</summary>
        internal void PumpFailed()
        {
            lock (_sync)
            {
                Lost(ErrorCode.TransportError);
            }
        }

        // --- The driver's turn -----------------------------------------------------------------

        /// <summary>
        /// One turn: drain what is buffered; before waiting, give the core the time (its timers and
        /// keepalive) and drain again; read (outside the lock, so senders are never blocked by it);
        /// commit (0 = end of stream) and drain. Buffered replies are served without a clock read.
        /// </summary>
        /// <returns>The next reply of a polled command (valid until the next turn), or null.</returns>
        internal Reply Turn(int timeoutMilliseconds)
        {
            ITransport transport;
            int offset;
            int room;
            int wait;
            lock (_sync)
            {
                Reply pending = Drain();
                if (pending != null || !Connected)
                {
                    return pending;
                }

                // No timer armed (no deadline, no login, keepalive off): nothing the core does
                // depends on the time, so the last reading serves and the clock is not read.
                long next = _connection.PollTimeout();
                long now = next == ApiConnection.NoDeadline ? _lastNow : _clock.NowMilliseconds;
                _lastNow = now;
                bool due = now >= next;
                _connection.HandleTimeout(now);
                if (due)
                {
                    // A timer fired: its events (a timeout, the connection's end) come first.
                    pending = Drain();
                    if (pending != null || !Connected)
                    {
                        return pending;
                    }
                }

                long untilTimer = _connection.PollTimeout() - now;
                wait = untilTimer < timeoutMilliseconds ? (untilTimer < 0 ? 0 : (int)untilTimer) : timeoutMilliseconds;
                room = _connection.PrepareReceive(out offset);
                transport = _transport;
            }

            int read;
            string failure = null;
            try
            {
                read = room > 0 ? transport.Read(_connection.ReceiveBuffer, offset, room, wait) : -1;
            }
            catch (Exception e)
            {
                read = int.MinValue;
                failure = e.Message;
            }

            lock (_sync)
            {
                if (transport != _transport)
                {
                    return null;
                }

                if (read >= 0)
                {
                    _connection.CommitReceived(read);
                }
                else if (read == int.MinValue)
                {
                    TransportFailed(failure);
                }

                return Drain();
            }
        }

        // Routes the core's events until one is for the caller (a polled command's reply) or none
        // is left; then sends what the core queued. Under the lock.
        private Reply Drain()
        {
            while (_transport != null)
            {
                ConnectionEvent e = _connection.Poll();
                if (e == ConnectionEvent.None)
                {
                    break;
                }

                Reply reply = _connection.Reply;
                if (e == ConnectionEvent.Reply)
                {
                    CommandRecord record = _records[_connection.EventSlot];
                    if (!record.Active)
                    {
                        // Ended for the client already (its replies are the core's to drop).
                        continue;
                    }

                    if (record.Sink == null)
                    {
                        // A polled command: nothing to route, only its end to note.
                        ReplyType type = reply.Type;
                        if (type == ReplyType.Trap)
                        {
                            record.Trapped = true;
                        }
                        else if (type == ReplyType.Done)
                        {
                            End(record, record.Trapped ? ErrorCode.Trap : ErrorCode.None, false);
                        }

                        if (_connection.TransmitCount > 0)
                        {
                            Flush();
                        }

                        return reply;
                    }

                    Deliver(record, reply);
                }
                else if (e == ConnectionEvent.Timeout)
                {
                    End(_records[_connection.EventSlot], ErrorCode.Timeout, true);
                }
                else if (e == ConnectionEvent.UnroutedReply)
                {
                    Unrouted(reply);
                }
                else if (e == ConnectionEvent.LoginSucceeded || e == ConnectionEvent.LoginFailed)
                {
                    _loginEvent = e;
                    if (e == ConnectionEvent.LoginFailed && reply.Type == ReplyType.Trap)
                    {
                        _errorMessage = reply.GetString("message");
                    }
                }
                else if (e == ConnectionEvent.Closed)
                {
                    if (_connection.Error == ErrorCode.Fatal && reply.Type == ReplyType.Fatal && reply.WordCount > 1)
                    {
                        _errorMessage = reply.GetWordString(1);
                    }
                    else if (_connection.ClosedMidSentence)
                    {
                        _errorMessage = "router closed the connection in the middle of a reply";
                    }

                    Lost(_connection.Error);
                }
            }

            Flush();
            return null;
        }

        // Hands one reply to the command's sink; its final reply, or a sink that stops it, ends it.
        private void Deliver(CommandRecord record, Reply reply)
        {
            int tag = record.Tag;
            ErrorCode outcome = record.Sink.OnReply(reply);
            if (!record.Active || record.Tag != tag)
            {
                // A handler disposed its own command (and may have sent another into the slot).
                return;
            }

            if (reply.Type == ReplyType.Done)
            {
                End(record, outcome, false);
            }
            else if (outcome != ErrorCode.None)
            {
                _connection.Release(tag);
                End(record, outcome, false);
            }
        }

        // The command is over for the client: its outcome is kept, its sink and waiters told.
        private void End(CommandRecord record, ErrorCode outcome, bool unannounced)
        {
            if (!record.Active)
            {
                return;
            }

            record.Active = false;
            _outcomes.Record(record.Tag, outcome);
            ICommandSink sink = record.Sink;
            record.Sink = null;
            if (sink != null)
            {
                sink.OnEnd(outcome, unannounced);
            }

            record.Ended.Set();
            _slotFreed.Set();
        }

        private void Flush()
        {
            bool wrote = false;
            while (_transport != null && _connection.TransmitCount > 0)
            {
                int count = _connection.TransmitCount;
                try
                {
                    _transport.Write(_connection.TransmitBuffer, _connection.TransmitOffset, count);
                }
                catch (Exception e)
                {
                    TransportFailed(e.Message);
                    return;
                }

                _connection.CommitTransmitted(count);
                wrote = true;
            }

            if (wrote && _transport != null)
            {
                try
                {
                    _transport.Flush();
                }
                catch (Exception e)
                {
                    TransportFailed(e.Message);
                }
            }
        }

        // The transport threw: its message (e.g. a port hint) is kept for ErrorMessage.
        private void TransportFailed(string message)
        {
            if (_transport != null)
            {
                _errorMessage = message;
            }

            Lost(ErrorCode.TransportError);
        }

        // The connection is over: every command ends with the reason, handlers hear of it once.
        private void Lost(ErrorCode reason)
        {
            ITransport transport = _transport;
            if (transport == null)
            {
                return;
            }

            _connection.Abort(reason);
            _transport = null;
            ErrorCode error = _connection.Error;
            for (int i = 0; i < _records.Length; i++)
            {
                End(_records[i], error, true);
            }

            try
            {
                transport.Close();
            }
            catch (Exception)
            {
                // Already broken; nothing more to release.
            }
        }

        private void Unrouted(Reply reply)
        {
            _unroutedReplyCount++;
            ReplyHandler handler = _unroutedReplyHandler;
            if (handler != null)
            {
                try
                {
                    handler(new CommandHandle(null, reply.Tag), reply);
                }
                catch (Exception)
                {
                    // Reporting must not break the stream.
                }
            }
        }

        // Sends and records a command in the record of the slot the core gave it (under the lock),
        // its replies going to sink, or to the slot's adapter of handler, or (neither) polled.
        // keepOnFullTable: Run and ReadString retry a command refused for want of a slot.
        private int SendLocked(CommandWriter command, long deadline, bool keepOnFullTable, ICommandSink sink, ReplyHandler handler)
        {
            if (command == null)
            {
                throw new ArgumentNullException("command");
            }

            if (!Connected)
            {
                Discard(command);
                throw new MikrotikException(ErrorCode.ConnectionClosed, "not connected");
            }

            int tag;
            int slot;
            try
            {
                tag = _connection.Send(command, deadline, out slot);
            }
            catch (MikrotikException e)
            {
                if (!keepOnFullTable || e.Code != ErrorCode.TagTableFull)
                {
                    Discard(command);
                }

                throw;
            }

            CommandRecord record = _records[slot];
            if (handler != null)
            {
                record.Handler.Begin(tag, handler);
                sink = record.Handler;
            }

            record.Begin(tag, sink);
            Flush();
            return tag;
        }

        // The active record of command <tag>, or null (a record is active only while the core's
        // slot holds its command, so the records alone answer; the core is not asked).
        private CommandRecord Record(int tag)
        {
            // The record found last is tried first: a polling loop asks about one command per reply.
            CommandRecord last = _records[_lastRecord];
            if (last.Tag == tag && last.Active)
            {
                return last;
            }

            for (int i = 0; i < _records.Length; i++)
            {
                CommandRecord record = _records[i];
                if (record.Tag == tag && record.Active)
                {
                    _lastRecord = i;
                    return record;
                }
            }

            return null;
        }

        private bool HasPolledCommand()
        {
            for (int i = 0; i < _records.Length; i++)
            {
                if (_records[i].IsPolled)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Discard(CommandWriter command)
        {
            if (command != null && command.Buffer.IsStaged)
            {
                command.Buffer.Begin();
            }
        }
    }
}
