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
    public sealed partial class ApiClient : IDisposable
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
        private string _errorMessage;
        private int _unroutedReplyCount;
        private ReplyHandler _unroutedReplyHandler;

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

        /// <summary>
        /// The router's own words for <see cref="Error"/>: the <c>!fatal</c> reason or the login trap's
        /// message; for a <see cref="ErrorCode.PeerClosed"/> in the middle of a reply, a note that a reply was
        /// cut off (<see cref="ApiConnection.ClosedMidSentence"/>); otherwise null.
        /// </summary>
        public string ErrorMessage
        {
            get { return _errorMessage; }
        }

        /// <summary>Whether the background pump is running.</summary>
        public bool IsPumpRunning
        {
            get { return _pump != null; }
        }

        /// <summary>Replies whose tag belonged to no command (they are reported, never dropped silently).</summary>
        public int UnroutedReplyCount
        {
            get { return _unroutedReplyCount; }
        }

        /// <summary>Optional: called with each unrouted reply (the handle passed is inactive).</summary>
        public ReplyHandler UnroutedReplyHandler
        {
            get { return _unroutedReplyHandler; }
            set { _unroutedReplyHandler = value; }
        }

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
                _errorMessage = null;
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

        internal bool IsCommandActive(int tag)
        {
            // Under the lock: handlers run under it, and a command ends only after its handler has
            // seen the final reply, so a thread that handler wakes must wait to read "ended".
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
    }
}
