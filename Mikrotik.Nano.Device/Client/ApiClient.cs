using System;
using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>
    /// A RouterOS API client over any <see cref="ITransport"/>: login, commands with handles,
    /// replies by polling or by handler, timeouts, keepalive, and an optional background pump.
    /// It drives one <see cref="ApiConnection"/>, whose buffers it reuses across reconnects.
    /// </summary>
    /// <remarks>
    /// <para>Two ways to run it. Single-threaded: the application's loop calls <see cref="Poll"/>,
    /// which reads the transport, runs handlers, and returns replies of commands sent without a
    /// handler. Background: <see cref="StartPump"/> runs that loop on its own thread; commands then
    /// need a handler, or use the blocking <see cref="Run"/> and <see cref="ReadString"/>.</para>
    /// <para>Threads: <see cref="Send(CommandWriter, ReplyHandler, int)"/>, <see cref="Run"/>,
    /// <see cref="ReadString"/>, and a handle's Cancel and Dispose may be called from any thread.
    /// <see cref="NewCommand"/> stages into the client's one buffer: one thread at a time (others
    /// keep their own <see cref="CommandBuffer"/>). <see cref="Connect"/>, <see cref="Poll"/>,
    /// <see cref="StartPump"/>, <see cref="StopPump"/> and <see cref="Close"/> belong to the
    /// owning thread. Handlers run on the pumping thread under the client's lock: keep them short,
    /// and never block in them.</para>
    /// </remarks>
    public sealed class ApiClient : IDisposable
    {
        private const string KeepalivePath = "/system/identity/print";
        private const int ReadStringMaxBytes = 256;

        private readonly object _sync = new object();
        private readonly ClientOptions _options;
        private readonly IClock _clock;
        private readonly ApiConnection _connection;
        private readonly CommandBuffer _command;
        private readonly CommandBuffer _keepaliveCommand = new CommandBuffer(64);
        private readonly ReplyHandler _rowHandler;
        private readonly ReplyHandler _ignoreHandler;

        // Per-command state, indexed by the core's slot.
        private readonly int[] _slotTag;
        private readonly ReplyHandler[] _slotHandler;
        private readonly RowTable[] _slotRows;
        private readonly long[] _slotDeadline;
        private readonly bool[] _slotTrapped;
        private readonly int[] _endedTag;
        private readonly ErrorCode[] _endedError;

        private ITransport _transport;
        private Thread _pump;
        private bool _stopPump;
        private long _lastReceive;
        private int _keepaliveTag;
        private long _keepaliveSentAt;
        private ConnectionEvent _loginEvent;
        private string _loginMessage;

        /// <summary>Creates a client, allocating every buffer its options size.</summary>
        /// <param name="options">Sizes and timing; null for the defaults.</param>
        public ApiClient(ClientOptions options)
        {
            _options = options == null ? new ClientOptions() : options;
            _clock = _options.Clock == null ? new SystemClock() : _options.Clock;
            _connection = new ApiConnection(_options.Connection);
            _command = new CommandBuffer(_options.Connection.CommandBufferSize);
            _rowHandler = new ReplyHandler(OnRowReply);
            _ignoreHandler = new ReplyHandler(IgnoreReply);
            int slots = _connection.TagSlotCount;
            _slotTag = new int[slots];
            _slotHandler = new ReplyHandler[slots];
            _slotRows = new RowTable[slots];
            _slotDeadline = new long[slots];
            _slotTrapped = new bool[slots];
            _endedTag = new int[slots];
            _endedError = new ErrorCode[slots];
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
                _lastReceive = _clock.NowMilliseconds;
                _keepaliveTag = 0;
                _loginEvent = ConnectionEvent.None;
                _loginMessage = null;
                _connection.Login(user, password);
                Flush();
            }

            long deadline = _clock.NowMilliseconds + _options.LoginTimeoutMilliseconds;
            while (true)
            {
                lock (_sync)
                {
                    if (_loginEvent != ConnectionEvent.None || !Connected)
                    {
                        break;
                    }

                    if (_clock.NowMilliseconds >= deadline)
                    {
                        Lost(ErrorCode.Timeout);
                        break;
                    }
                }

                PollOnce(_options.ReadSliceMilliseconds);
            }

            lock (_sync)
            {
                if (_loginEvent == ConnectionEvent.LoginSucceeded && Connected)
                {
                    return;
                }

                ErrorCode code = _connection.Error == ErrorCode.None ? ErrorCode.LoginRefused : _connection.Error;
                Lost(code);
                throw new MikrotikException(code, _loginMessage == null ? "login failed" : _loginMessage);
            }
        }

        /// <summary>Stops the pump, closes the transport, and ends every command (<see cref="ErrorCode.ClosedLocally"/>).</summary>
        public void Close()
        {
            StopPump();
            lock (_sync)
            {
                if (_transport != null)
                {
                    Lost(ErrorCode.ClosedLocally);
                }
            }
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }

        // --- Commands -----------------------------------------------------------------------

        /// <summary>Starts a command in the client's own staging buffer (one building thread at a time).</summary>
        /// <returns>The builder; its only step is <see cref="CommandBuilder.Path"/>.</returns>
        public CommandBuilder NewCommand()
        {
            return _command.Begin();
        }

        /// <summary>
        /// Sends a command whose replies the caller collects with <see cref="Poll"/>
        /// (single-threaded mode only).
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

                return SendLocked(command, null, null, 0);
            }
        }

        /// <summary>Sends a command whose replies go to <paramref name="handler"/>, on the pumping thread.</summary>
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
                return SendLocked(command, handler, null, timeoutMilliseconds);
            }
        }

        /// <summary>
        /// Runs a command to completion and keeps its rows in <paramref name="rows"/>. Blocks the
        /// calling thread (in single-threaded mode it pumps the client itself). If the rows do not
        /// fit, the command is cancelled and the result is <see cref="ErrorCode.StorageFull"/>.
        /// </summary>
        /// <param name="command">The command.</param>
        /// <param name="rows">Caller-owned storage, cleared first.</param>
        /// <param name="timeoutMilliseconds">The time limit; 0 for none.</param>
        /// <returns><see cref="ErrorCode.None"/>, <see cref="ErrorCode.Trap"/> (see <see cref="RowTable.TrapMessage"/>),
        /// <see cref="ErrorCode.StorageFull"/>, <see cref="ErrorCode.Timeout"/>, or a connection error.</returns>
        public ErrorCode Run(CommandWriter command, RowTable rows, int timeoutMilliseconds)
        {
            if (rows == null)
            {
                throw new ArgumentNullException("rows");
            }

            rows.Start();
            CommandHandle handle;
            lock (_sync)
            {
                if (_pump == null && HasPolledCommand())
                {
                    // Pumping here would swallow the replies of commands the caller polls for.
                    throw new MikrotikException(ErrorCode.InvalidState, "finish polled commands first");
                }

                try
                {
                    handle = SendLocked(command, _rowHandler, rows, timeoutMilliseconds);
                }
                catch (MikrotikException e)
                {
                    rows.Finish(e.Code);
                    return e.Code;
                }
            }

            if (_pump != null)
            {
                while (!rows.WaitFinished(_options.ReadSliceMilliseconds) && handle.IsActive)
                {
                    // The pump ends the command (reply, deadline, connection loss); just wait.
                }
            }
            else
            {
                while (handle.IsActive)
                {
                    PollOnce(_options.ReadSliceMilliseconds);
                }
            }

            return rows.Result;
        }

        /// <summary>
        /// Runs a command and returns attribute <paramref name="attribute"/> of its first row, e.g.
        /// the identity's <c>name</c>. Allocates the result (and a one-row table).
        /// </summary>
        /// <param name="command">The command, e.g. <c>/system/identity/print</c>.</param>
        /// <param name="attribute">The attribute to read.</param>
        /// <param name="timeoutMilliseconds">The time limit; 0 for none.</param>
        /// <returns>The value, or null when the first row lacks it, there is no row, or it is longer than 256 bytes.</returns>
        /// <exception cref="MikrotikException">The command failed (trap, timeout, connection).</exception>
        public string ReadString(CommandWriter command, string attribute, int timeoutMilliseconds)
        {
            RowTable rows = new RowTable(new string[] { attribute }, 1, ReadStringMaxBytes);
            ErrorCode result = Run(command, rows, timeoutMilliseconds);
            if (result != ErrorCode.None && result != ErrorCode.StorageFull)
            {
                throw new MikrotikException(result, rows.TrapMessage == null ? "command failed" : rows.TrapMessage);
            }

            return rows.Count == 0 ? null : rows.GetString(0, 0);
        }

        // --- Pumping ------------------------------------------------------------------------

        /// <summary>
        /// Single-threaded mode: sends what is queued, reads the transport for up to
        /// <paramref name="timeoutMilliseconds"/>, runs handlers and timers, and returns the next
        /// reply of a command sent without a handler (valid until the next call), or null.
        /// </summary>
        /// <param name="timeoutMilliseconds">How long to wait for bytes.</param>
        /// <returns>A reply, or null.</returns>
        public Reply Poll(int timeoutMilliseconds)
        {
            if (_pump != null)
            {
                throw new MikrotikException(ErrorCode.InvalidState, "the pump is running");
            }

            return PollOnce(timeoutMilliseconds);
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

                    PollOnce(_options.ReadSliceMilliseconds);
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

        internal bool IsCommandActive(int tag)
        {
            lock (_sync)
            {
                return FindSlot(tag) >= 0;
            }
        }

        internal ErrorCode GetCommandError(int tag)
        {
            lock (_sync)
            {
                for (int i = 0; i < _endedTag.Length; i++)
                {
                    if (_endedTag[i] == tag)
                    {
                        return _endedError[i];
                    }
                }

                return ErrorCode.None;
            }
        }

        internal void CancelCommand(int tag, bool release)
        {
            lock (_sync)
            {
                int slot = FindSlot(tag);
                if (slot < 0 || !Connected)
                {
                    return;
                }

                if (release)
                {
                    _connection.Release(tag);
                    EndSlot(slot, ErrorCode.None, false);
                }
                else
                {
                    _connection.Cancel(tag);
                }

                Flush();
            }
        }

        // --- Internals (callers hold _sync unless noted) -----------------------------------

        private CommandHandle SendLocked(CommandWriter command, ReplyHandler handler, RowTable rows, int timeoutMilliseconds)
        {
            if (!Connected)
            {
                throw new MikrotikException(ErrorCode.ConnectionClosed, "not connected");
            }

            int tag = _connection.Send(command);
            int slot = _connection.GetSlot(tag);
            _slotTag[slot] = tag;
            _slotHandler[slot] = handler;
            _slotRows[slot] = rows;
            _slotTrapped[slot] = false;
            _slotDeadline[slot] = timeoutMilliseconds > 0 ? _clock.NowMilliseconds + timeoutMilliseconds : 0;
            Flush();
            return new CommandHandle(this, tag);
        }

        // Called without the lock: the read itself must not block senders.
        private Reply PollOnce(int timeoutMilliseconds)
        {
            ITransport transport;
            int offset;
            int room;
            lock (_sync)
            {
                Reply pending = DispatchEvents();
                if (pending != null)
                {
                    return pending;
                }

                CheckTimers();
                Flush();
                if (!Connected)
                {
                    return null;
                }

                room = _connection.PrepareReceive(out offset);
                transport = _transport;
            }

            int read;
            try
            {
                read = room > 0 ? transport.Read(_connection.ReceiveBuffer, offset, room, timeoutMilliseconds) : -1;
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

                if (read > 0)
                {
                    _connection.CommitReceived(read);
                    _lastReceive = _clock.NowMilliseconds;
                }
                else if (read == 0)
                {
                    Lost(ErrorCode.PeerClosed);
                }
                else if (read == int.MinValue)
                {
                    Lost(ErrorCode.TransportError);
                }

                Reply reply = DispatchEvents();
                CheckTimers();
                return reply;
            }
        }

        // Routes decoded events until one is for the caller (a polled command's reply) or none is left.
        private Reply DispatchEvents()
        {
            while (_transport != null)
            {
                ConnectionEvent e = _connection.Poll();
                Reply reply = _connection.Reply;
                if (e == ConnectionEvent.None)
                {
                    return null;
                }

                if (e == ConnectionEvent.Reply)
                {
                    int slot = FindSlot(reply.Tag);
                    if (slot < 0)
                    {
                        Unrouted(reply);
                        continue;
                    }

                    if (reply.Type == ReplyType.Trap)
                    {
                        _slotTrapped[slot] = true;
                    }

                    ReplyHandler handler = _slotHandler[slot];
                    if (handler != null)
                    {
                        Invoke(slot, handler, reply);
                    }

                    if (reply.Type == ReplyType.Done && _slotTag[slot] == reply.Tag)
                    {
                        EndSlot(slot, _slotTrapped[slot] ? ErrorCode.Trap : ErrorCode.None, false);
                    }

                    if (handler == null)
                    {
                        return reply;
                    }
                }
                else if (e == ConnectionEvent.UnroutedReply)
                {
                    Unrouted(reply);
                }
                else if (e == ConnectionEvent.LoginSucceeded || e == ConnectionEvent.LoginFailed)
                {
                    _loginEvent = e;
                    _loginMessage = e == ConnectionEvent.LoginFailed && reply.Type == ReplyType.Trap ? reply.GetString("message") : null;
                    return null;
                }
                else if (e == ConnectionEvent.Closed)
                {
                    Lost(_connection.Error);
                    return null;
                }
            }

            return null;
        }

        private void Invoke(int slot, ReplyHandler handler, Reply reply)
        {
            int tag = _slotTag[slot];
            try
            {
                handler(new CommandHandle(this, tag), reply);
            }
            catch (Exception)
            {
                // A faulty handler must not take the pump down; its command is stopped instead.
                if (_slotTag[slot] == tag)
                {
                    _connection.Release(tag);
                    EndSlot(slot, ErrorCode.HandlerFailed, false);
                    Flush();
                }
            }
        }

        private void CheckTimers()
        {
            if (!Connected)
            {
                return;
            }

            long now = _clock.NowMilliseconds;
            for (int i = 0; i < _slotTag.Length; i++)
            {
                if (_slotTag[i] != 0 && _slotDeadline[i] != 0 && now >= _slotDeadline[i])
                {
                    _connection.Release(_slotTag[i]);
                    EndSlot(i, ErrorCode.Timeout, true);
                }
            }

            int idle = _options.KeepaliveIdleMilliseconds;
            if (idle <= 0 || _connection.State != ConnectionState.Ready)
            {
                return;
            }

            if (_keepaliveTag != 0)
            {
                // Half-open TCP: the keepalive went out and not one byte has come back since.
                if (_lastReceive <= _keepaliveSentAt && now - _keepaliveSentAt >= _options.KeepaliveTimeoutMilliseconds)
                {
                    Lost(ErrorCode.KeepaliveTimeout);
                }
            }
            else if (now - _lastReceive >= idle && _connection.ActiveCommandCount < _connection.TagSlotCount)
            {
                try
                {
                    CommandWriter keepalive = _keepaliveCommand.Begin().Path(KeepalivePath).Proplist("name");
                    _keepaliveTag = SendLocked(keepalive, _ignoreHandler, null, 0).Tag;
                    _keepaliveSentAt = now;
                }
                catch (MikrotikException)
                {
                    // The transmit buffer is busy; the next round tries again.
                }
            }
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
            _keepaliveTag = 0;
            ErrorCode error = _connection.Error;
            for (int i = 0; i < _slotTag.Length; i++)
            {
                if (_slotTag[i] != 0)
                {
                    EndSlot(i, error, true);
                }
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

        private void EndSlot(int slot, ErrorCode error, bool notify)
        {
            int tag = _slotTag[slot];
            ReplyHandler handler = _slotHandler[slot];
            RowTable rows = _slotRows[slot];
            _endedTag[slot] = tag;
            _endedError[slot] = error;
            _slotTag[slot] = 0;
            _slotHandler[slot] = null;
            _slotRows[slot] = null;
            _slotDeadline[slot] = 0;
            if (tag == _keepaliveTag)
            {
                _keepaliveTag = 0;
            }

            if (rows != null)
            {
                rows.Finish(error);
            }
            else if (notify && handler != null)
            {
                try
                {
                    handler(new CommandHandle(this, tag), null);
                }
                catch (Exception)
                {
                    // The command has ended either way.
                }
            }
        }

        private void OnRowReply(CommandHandle command, Reply reply)
        {
            int slot = FindSlot(command.Tag);
            RowTable rows = _slotRows[slot];
            if (reply.Type == ReplyType.Trap)
            {
                rows.SetTrap(reply);
            }
            else if (reply.Type == ReplyType.Data && !rows.Add(reply))
            {
                _connection.Release(command.Tag);
                EndSlot(slot, ErrorCode.StorageFull, false);
                Flush();
            }
        }

        private static void IgnoreReply(CommandHandle command, Reply reply)
        {
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

        private int FindSlot(int tag)
        {
            if (tag <= 0)
            {
                return -1;
            }

            for (int i = 0; i < _slotTag.Length; i++)
            {
                if (_slotTag[i] == tag)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool HasPolledCommand()
        {
            for (int i = 0; i < _slotTag.Length; i++)
            {
                if (_slotTag[i] != 0 && _slotHandler[i] == null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
