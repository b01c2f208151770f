using System;
using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>
    /// A RouterOS API client over any <see cref="ITransport"/>: login, commands with handles,
    /// replies by polling or by handler, the blocking <see cref="Run"/> and <see cref="ReadString"/>,
    /// and an optional background pump. A thin driver of one <see cref="ApiConnection"/>, whose
    /// buffers it reuses across reconnects: timeouts, keepalive and slot bookkeeping are the core's.
    /// </summary>
    /// <remarks>
    /// <para>The driver's turn (<see cref="Poll"/>, or the pump): read the transport into the core
    /// (0 bytes = end of stream), give it the clock, drain its events into the per-command records
    /// (one per core slot, named by each event), send what it queued.</para>
    /// <para>Two ways to run it. Single-threaded: the application's loop calls <see cref="Poll"/>,
    /// which returns replies of commands sent without a handler. Background: <see cref="StartPump"/>
    /// runs that loop on its own thread; commands then need a handler, or use the blocking
    /// <see cref="Run"/> and <see cref="ReadString"/>.</para>
    /// <para>Threads: <see cref="Send(CommandWriter, ReplyHandler, int)"/>, <see cref="Run"/>,
    /// <see cref="ReadString"/>, and a handle's Cancel and Dispose may be called from any thread.
    /// <see cref="NewCommand"/> stages into the client's one buffer: one command at a time (it
    /// refuses a second while the first is unsent); other threads keep their own
    /// <see cref="CommandBuffer"/>. <see cref="Connect"/>, <see cref="Poll"/>, <see cref="StartPump"/>,
    /// <see cref="StopPump"/> and <see cref="Close"/> belong to the owning thread. Handlers run on
    /// the pumping thread under the client's lock: keep them short, and never block in them.</para>
    /// </remarks>
    public sealed class ApiClient : IDisposable
    {
        private readonly object _sync = new object();
        private readonly ClientOptions _options;
        private readonly ITextDecoder _text;
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

        /// <summary>Creates a client, allocating every buffer its options size.</summary>
        /// <param name="options">Sizes and timing; null for the defaults.</param>
        public ApiClient(ClientOptions options)
        {
            _options = options == null ? new ClientOptions() : options;
            _clock = _options.Clock == null ? new SystemClock() : _options.Clock;
            _text = _options.Connection.TextDecoder;
            _connection = new ApiConnection(_options.Connection);
            _command = new CommandBuffer(_options.Connection.CommandBufferSize);
            _records = new CommandRecord[_connection.TagSlotCount];
            for (int i = 0; i < _records.Length; i++)
            {
                _records[i] = new CommandRecord();
            }

            _outcomes = new OutcomeHistory(2 * _records.Length + 8);
        }

        /// <summary>Whether a transport is attached and the connection is alive.</summary>
        public bool IsConnected
        {
            get
            {
                lock (_sync)
                {
                    return Connected;
                }
            }
        }

        /// <summary>Why the last connection ended, or why the last login failed.</summary>
        public ErrorCode Error
        {
            get { return _connection.Error; }
        }

        /// <summary>The router's own words for <see cref="Error"/>: the <c>!fatal</c> reason or the login trap's message; otherwise null.</summary>
        public string ErrorMessage { get; private set; }

        /// <summary>Whether the background pump is running.</summary>
        public bool IsPumpRunning
        {
            get { return _pump != null; }
        }

        /// <summary>Replies whose tag belonged to no command (they are reported, never dropped silently).</summary>
        public int UnroutedReplyCount { get; private set; }

        /// <summary>Optional: called with each unrouted reply (the handle passed is inactive).</summary>
        public ReplyHandler UnroutedReplyHandler { get; set; }

        private bool Connected
        {
            get { return _transport != null && _connection.State != ConnectionState.Closed; }
        }

        // --- Connection ---------------------------------------------------------------------

        /// <summary>
        /// Attaches a connected transport and logs in (plain, or the legacy challenge if the router
        /// asks for it), waiting up to <see cref="ClientOptions.LoginTimeoutMilliseconds"/>. Any
        /// earlier connection is closed first, and handles of its commands report it ended.
        /// </summary>
        /// <param name="transport">A connected transport.</param>
        /// <param name="user">The user name.</param>
        /// <param name="password">The password.</param>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.LoginRefused"/> (the router's message),
        /// <see cref="ErrorCode.Timeout"/>, <see cref="ErrorCode.PeerClosed"/>, or another connection error.</exception>
        public void Connect(ITransport transport, string user, string password)
        {
            if (transport == null)
            {
                throw new ArgumentNullException("transport");
            }

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
                ErrorMessage = null;
                _connection.Login(user, password, _clock.NowMilliseconds + _options.LoginTimeoutMilliseconds);
                Flush();
            }

            while (true)
            {
                lock (_sync)
                {
                    if (_loginEvent != ConnectionEvent.None || !Connected)
                    {
                        break;
                    }
                }

                Turn(_options.ReadSliceMilliseconds);
            }

            lock (_sync)
            {
                if (_loginEvent == ConnectionEvent.LoginSucceeded && Connected)
                {
                    return;
                }

                ErrorCode code = _connection.Error == ErrorCode.None ? ErrorCode.LoginRefused : _connection.Error;
                Lost(code);
                throw new MikrotikException(code, ErrorMessage != null ? ErrorMessage : code == ErrorCode.Timeout ? "login timed out" : "login failed");
            }
        }

        /// <summary>Stops the pump, closes the transport, and ends every command (<see cref="ErrorCode.ClosedLocally"/>).</summary>
        public void Close()
        {
            StopPump();
            lock (_sync)
            {
                Lost(ErrorCode.ClosedLocally);
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        // --- Commands -----------------------------------------------------------------------

        /// <summary>
        /// Starts a command in the client's own staging buffer. One at a time: while a command
        /// built here is unsent, another call throws <see cref="ErrorCode.InvalidState"/> (threads
        /// that build concurrently keep their own <see cref="CommandBuffer"/>).
        /// </summary>
        /// <returns>The builder; its only step is <see cref="CommandBuilder.Path"/>.</returns>
        public CommandBuilder NewCommand()
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

        /// <summary>
        /// Sends a command whose replies the caller collects with <see cref="Poll"/>
        /// (single-threaded mode only). On failure the command is discarded.
        /// </summary>
        /// <param name="command">The command.</param>
        /// <returns>The command's handle.</returns>
        public CommandHandle Send(CommandWriter command)
        {
            lock (_sync)
            {
                if (_pump != null)
                {
                    throw new MikrotikException(ErrorCode.InvalidState, "the pump needs a handler");
                }

                return new CommandHandle(this, SendLocked(command, null, null, null, 0));
            }
        }

        /// <summary>Sends a command whose replies go to <paramref name="handler"/>, on the pumping thread. On failure the command is discarded.</summary>
        /// <param name="command">The command.</param>
        /// <param name="handler">Receives each reply, then null if the command ends abnormally.</param>
        /// <param name="timeoutMilliseconds">The whole command's time limit; 0 for none (streaming commands).</param>
        /// <returns>The command's handle.</returns>
        public CommandHandle Send(CommandWriter command, ReplyHandler handler, int timeoutMilliseconds)
        {
            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            lock (_sync)
            {
                return new CommandHandle(this, SendLocked(command, handler, null, null, timeoutMilliseconds));
            }
        }

        /// <summary>
        /// Runs a command to completion and keeps its rows (and the <c>!done</c>'s <c>=ret=</c>) in
        /// <paramref name="rows"/>. Blocks the calling thread (in single-threaded mode it pumps the
        /// client itself). While every tag slot is busy it waits for one, within the time limit.
        /// If the rows do not fit, the command is cancelled: <see cref="ErrorCode.StorageFull"/>.
        /// </summary>
        /// <param name="command">The command.</param>
        /// <param name="rows">Caller-owned storage, cleared first.</param>
        /// <param name="timeoutMilliseconds">The time limit; 0 for none.</param>
        /// <returns><see cref="ErrorCode.None"/>, <see cref="ErrorCode.Trap"/> (see <see cref="RowTable.TrapMessage"/>),
        /// <see cref="ErrorCode.Truncated"/> (a reply lost words: see <see cref="RowTable.IsTruncated"/>),
        /// <see cref="ErrorCode.StorageFull"/>, <see cref="ErrorCode.Timeout"/>, or how the connection ended.</returns>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.InvalidState"/> for a command already sent, or polled commands pending.</exception>
        public ErrorCode Run(CommandWriter command, RowTable rows, int timeoutMilliseconds)
        {
            if (rows == null)
            {
                throw new ArgumentNullException("rows");
            }

            rows.Start(_text);
            int tag = Start(command, rows, null, timeoutMilliseconds);
            if (tag < 0)
            {
                rows.Finish((ErrorCode)(-tag));
                return rows.Result;
            }

            Wait(tag, rows, null);
            return rows.Result;
        }

        /// <summary>
        /// Runs a command and returns attribute <paramref name="attribute"/> of its first row that
        /// has it, else of its <c>!done</c> (e.g. <c>ret</c>: an <c>add</c>'s new <c>.id</c>, a
        /// <c>count-only</c> print's count). Allocates the result.
        /// </summary>
        /// <param name="command">The command, e.g. <c>/system/identity/print</c>.</param>
        /// <param name="attribute">The attribute to read.</param>
        /// <param name="timeoutMilliseconds">The time limit; 0 for none.</param>
        /// <returns>The value (possibly empty), or null when no reply carried the attribute.</returns>
        /// <exception cref="MikrotikException">The command failed: <see cref="ErrorCode.Trap"/> (the router's message),
        /// <see cref="ErrorCode.Truncated"/> (the value may have been dropped: larger than the receive buffer),
        /// <see cref="ErrorCode.Timeout"/>, a connection error, or a misuse.</exception>
        public string ReadString(CommandWriter command, string attribute, int timeoutMilliseconds)
        {
            if (attribute == null)
            {
                throw new ArgumentNullException("attribute");
            }

            ValueRequest request = new ValueRequest(attribute);
            int tag = Start(command, null, request, timeoutMilliseconds);
            if (tag < 0)
            {
                request.Result = (ErrorCode)(-tag);
            }
            else
            {
                Wait(tag, null, request);
            }

            ErrorCode result = request.Result;
            if (result == ErrorCode.Truncated && request.Value != null)
            {
                return request.Value;
            }

            if (result != ErrorCode.None)
            {
                throw new MikrotikException(result, result == ErrorCode.Trap && request.TrapMessage != null ? request.TrapMessage : Describe(result));
            }

            return request.Value;
        }

        // --- Pumping ------------------------------------------------------------------------

        /// <summary>
        /// Single-threaded mode: sends what is queued, reads the transport for up to
        /// <paramref name="timeoutMilliseconds"/>, runs handlers and timers, and returns the next
        /// reply of a command sent without a handler (valid until the next call).
        /// </summary>
        /// <param name="timeoutMilliseconds">How long to wait for bytes.</param>
        /// <returns>A reply, or null when none arrived in time (the connection is still alive).</returns>
        /// <exception cref="MikrotikException">The connection has ended (before or during the call): its <see cref="Error"/>.</exception>
        public Reply Poll(int timeoutMilliseconds)
        {
            if (_pump != null)
            {
                throw new MikrotikException(ErrorCode.InvalidState, "the pump is running");
            }

            Reply reply = Turn(timeoutMilliseconds);
            if (reply == null && !IsConnected)
            {
                ErrorCode error = _connection.Error == ErrorCode.None ? ErrorCode.ConnectionClosed : _connection.Error;
                throw new MikrotikException(error, ErrorMessage != null ? ErrorMessage : Describe(error));
            }

            return reply;
        }

        /// <summary>Starts the background pump thread. The pump stops by itself when the connection ends.</summary>
        public void StartPump()
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
                _pump = new Thread(PumpLoop);
                _pump.Start();
            }
        }

        /// <summary>Stops the pump and waits for its thread to end. Nothing is left running.</summary>
        public void StopPump()
        {
            Thread pump;
            lock (_sync)
            {
                pump = _pump;
                _stopPump = true;
            }

            if (pump != null && pump != Thread.CurrentThread)
            {
                pump.Join();
            }

            lock (_sync)
            {
                if (_pump == pump)
                {
                    _pump = null;
                }
            }
        }

        private void PumpLoop()
        {
            try
            {
                while (true)
                {
                    lock (_sync)
                    {
                        if (_stopPump || !Connected)
                        {
                            break;
                        }
                    }

                    Turn(_options.ReadSliceMilliseconds);
                }
            }
            catch (Exception)
            {
                // An unhandled exception would end the thread silently on the device.
                lock (_sync)
                {
                    Lost(ErrorCode.TransportError);
                }
            }
            finally
            {
                lock (_sync)
                {
                    if (_pump == Thread.CurrentThread)
                    {
                        _pump = null;
                    }
                }
            }
        }

        // --- Used by CommandHandle ------------------------------------------------------------

        // Without the lock (called once per reply in a polling loop): a record changes owner only
        // after its command ended (Active false, then a new Tag), so a stale read can only say
        // "ended" for a command that has ended.
        internal bool IsCommandActive(int tag)
        {
            return Record(tag) != null;
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

        // --- The driver (callers hold _sync unless noted) -------------------------------------

        // Sends and records a command; the record is the one of the slot the core gave it.
        private int SendLocked(CommandWriter command, ReplyHandler handler, RowTable rows, ValueRequest value, int timeoutMilliseconds)
        {
            return SendLocked(command, handler, rows, value, timeoutMilliseconds, false);
        }

        // keepOnFullTable: Run and ReadString retry a command refused for want of a slot.
        private int SendLocked(CommandWriter command, ReplyHandler handler, RowTable rows, ValueRequest value, int timeoutMilliseconds, bool keepOnFullTable)
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
            try
            {
                tag = _connection.Send(command, timeoutMilliseconds > 0 ? _clock.NowMilliseconds + timeoutMilliseconds : 0);
            }
            catch (MikrotikException e)
            {
                if (!keepOnFullTable || e.Code != ErrorCode.TagTableFull)
                {
                    Discard(command);
                }

                throw;
            }

            _records[_connection.GetSlot(tag)].Begin(tag, handler, rows, value);
            Flush();
            return tag;
        }

        // Run and ReadString: the tag, or minus the error code when the command could not be sent.
        // While every slot is busy it waits (pumping in single-threaded mode, so timers and the
        // keepalive keep running) until a slot frees, the time limit passes or the connection ends.
        private int Start(CommandWriter command, RowTable rows, ValueRequest value, int timeoutMilliseconds)
        {
            long deadline = timeoutMilliseconds > 0 ? _clock.NowMilliseconds + timeoutMilliseconds : long.MaxValue;
            while (true)
            {
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
                        return -(int)(_connection.Error == ErrorCode.None ? ErrorCode.ConnectionClosed : _connection.Error);
                    }

                    try
                    {
                        long left = deadline - _clock.NowMilliseconds;
                        return SendLocked(command, null, rows, value, deadline == long.MaxValue ? 0 : (left < 1 ? 1 : (int)left), true);
                    }
                    catch (MikrotikException e)
                    {
                        if (e.Code == ErrorCode.InvalidState)
                        {
                            throw;
                        }

                        if (e.Code != ErrorCode.TagTableFull || _clock.NowMilliseconds >= deadline)
                        {
                            Discard(command);
                            return -(int)(e.Code == ErrorCode.TagTableFull ? ErrorCode.Timeout : e.Code);
                        }
                    }
                }

                if (_pump == null)
                {
                    Turn(_options.ReadSliceMilliseconds);
                }
                else
                {
                    _slotFreed.WaitOne(_options.ReadSliceMilliseconds, false);
                }
            }
        }

        // Blocks until the command ends: pumps the client itself, or waits for the pump.
        private void Wait(int tag, RowTable rows, ValueRequest value)
        {
            while (rows != null ? !rows.IsFinished : !value.Finished)
            {
                if (_pump == null)
                {
                    Turn(_options.ReadSliceMilliseconds);
                    continue;
                }

                CommandRecord record;
                lock (_sync)
                {
                    record = Record(tag);
                }

                if (record != null)
                {
                    record.Ended.WaitOne(_options.ReadSliceMilliseconds, false);
                }
            }
        }

        // One turn: drain what is buffered; before waiting, give the core the time (its timers and
        // keepalive) and drain again; read (outside the lock, so senders are never blocked by
        // it); commit (0 = end of stream) and drain. Buffered replies are served without a clock read.
        private Reply Turn(int timeoutMilliseconds)
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

                long now = _clock.NowMilliseconds;
                bool due = now >= _connection.PollTimeout();
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
            try
            {
                read = room > 0 ? transport.Read(_connection.ReceiveBuffer, offset, room, wait) : -1;
            }
            catch (Exception)
            {
                read = int.MinValue;
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
                    Lost(ErrorCode.TransportError);
                }

                return Drain();
            }
        }

        // Routes the core's events until one is for the caller (a polled command's reply) or none
        // is left; then sends what the core queued.
        private Reply Drain()
        {
            while (_transport != null)
            {
                ConnectionEvent e = _connection.Poll();
                Reply reply = _connection.Reply;
                if (e == ConnectionEvent.None)
                {
                    break;
                }

                if (e == ConnectionEvent.Reply)
                {
                    CommandRecord record = _records[_connection.EventSlot];
                    if (record.IsPolled)
                    {
                        // The common case of a polled command: nothing to route, only its end to note.
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
                        ErrorMessage = reply.GetString("message");
                    }
                }
                else if (e == ConnectionEvent.Closed)
                {
                    if (_connection.Error == ErrorCode.Fatal && reply.Type == ReplyType.Fatal && reply.WordCount > 1)
                    {
                        ErrorMessage = reply.GetWordString(1);
                    }

                    Lost(_connection.Error);
                }
            }

            Flush();
            return null;
        }

        // Routes one reply to a command of a handler, Run or ReadString.
        private void Deliver(CommandRecord record, Reply reply)
        {
            ReplyType type = reply.Type;
            if (type == ReplyType.Trap)
            {
                record.Trapped = true;
            }

            record.Truncated = record.Truncated || reply.IsTruncated;
            RowTable rows = record.Rows;
            if (rows != null)
            {
                if (type == ReplyType.Trap)
                {
                    rows.SetTrap(reply);
                }
                else if ((type == ReplyType.Data && !rows.Add(reply)) || (type == ReplyType.Done && !rows.SetDone(reply)))
                {
                    _connection.Release(record.Tag);
                    End(record, ErrorCode.StorageFull, false);
                    return;
                }
            }
            else if (record.Value != null)
            {
                if (type == ReplyType.Trap)
                {
                    if (record.Value.TrapMessage == null)
                    {
                        record.Value.TrapMessage = reply.GetString("message");
                    }
                }
                else if (type == ReplyType.Data || type == ReplyType.Done)
                {
                    record.Value.Offer(reply);
                }
            }
            else if (record.Handler != null)
            {
                Invoke(record, reply);
            }

            if (type == ReplyType.Done && record.Active)
            {
                End(record, Outcome(record), false);
            }
        }

        private static ErrorCode Outcome(CommandRecord record)
        {
            if (record.Trapped)
            {
                return ErrorCode.Trap;
            }

            // Rows or a value read by the client may have lost an attribute; say so.
            return record.Truncated && record.Handler == null && (record.Rows != null || record.Value != null) ? ErrorCode.Truncated : ErrorCode.None;
        }

        private void Invoke(CommandRecord record, Reply reply)
        {
            int tag = record.Tag;
            try
            {
                record.Handler(new CommandHandle(this, tag), reply);
            }
            catch (Exception)
            {
                // A faulty handler must not take the pump down; its command is stopped instead.
                if (record.Active && record.Tag == tag)
                {
                    _connection.Release(tag);
                    End(record, ErrorCode.HandlerFailed, false);
                }
            }
        }

        // The command is over for the client: its outcome is kept, its waiters and handler told.
        private void End(CommandRecord record, ErrorCode error, bool notify)
        {
            if (!record.Active)
            {
                return;
            }

            record.Active = false;
            _outcomes.Record(record.Tag, error);
            ReplyHandler handler = record.Handler;
            if (record.Rows != null)
            {
                record.Rows.Finish(error);
            }
            else if (record.Value != null)
            {
                record.Value.Result = error;
                record.Value.Finished = true;
            }
            else if (notify && handler != null)
            {
                try
                {
                    handler(new CommandHandle(this, record.Tag), null);
                }
                catch (Exception)
                {
                    // The command has ended either way.
                }
            }

            record.Handler = null;
            record.Rows = null;
            record.Value = null;
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
                catch (Exception)
                {
                    Lost(ErrorCode.TransportError);
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
                catch (Exception)
                {
                    Lost(ErrorCode.TransportError);
                }
            }
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
            UnroutedReplyCount++;
            ReplyHandler handler = UnroutedReplyHandler;
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

        // The active record of command <tag>, or null (a record is active only while the core's
        // slot holds its command, so the records alone answer; the core is not asked).
        private CommandRecord Record(int tag)
        {
            for (int i = 0; i < _records.Length; i++)
            {
                CommandRecord record = _records[i];
                if (record.Tag == tag && record.Active)
                {
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

        // A command that could not be sent is dropped, so its buffer is free for the next one.
        private static void Discard(CommandWriter command)
        {
            if (command.Buffer.IsStaged)
            {
                command.Buffer.Begin();
            }
        }

        private static string Describe(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.Timeout: return "command timed out";
                case ErrorCode.Truncated: return "reply truncated: the value may not have fit the receive buffer";
                case ErrorCode.StorageFull: return "rows did not fit";
                case ErrorCode.TagTableFull: return "all tag slots busy";
                case ErrorCode.PeerClosed: return "router closed the connection";
                case ErrorCode.KeepaliveTimeout: return "router stopped answering (keepalive)";
                case ErrorCode.ConnectionClosed: return "not connected";
                default: return "command failed";
            }
        }
    }
}
