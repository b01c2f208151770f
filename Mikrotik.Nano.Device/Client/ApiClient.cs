using System;

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
    /// (0 bytes = end of stream), give it the clock, hand each event to the command its slot
    /// names (its row table, value request or handler; a polled command's replies come back from
    /// <see cref="Poll"/>), send what it queued. One internal type owns the lock and the core;
    /// this class is split by concern: lifecycle and login here, submission and waiting
    /// (ApiClient.Commands.cs), the pump and <see cref="Poll"/> (ApiClient.Pump.cs).</para>
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
        private readonly ClientOptions _options;
        private readonly ITextDecoder _text;
        private readonly IClock _clock;
        private readonly ClientDriver _driver;

        /// <summary>Creates a client, allocating every buffer its options size.</summary>
        /// <param name="options">Sizes and timing; null for the defaults.</param>
        public ApiClient(ClientOptions options)
        {
            _options = options == null ? new ClientOptions() : options;
            _clock = _options.Clock == null ? new SystemClock() : _options.Clock;
            _text = _options.Connection.TextDecoder;
            _driver = new ClientDriver(_options, _clock);
        }

        /// <summary>Whether a transport is attached and the connection is alive.</summary>
        public bool IsConnected
        {
            get { return _driver.IsConnected; }
        }

        /// <summary>Why the last connection ended, or why the last login failed.</summary>
        public ErrorCode Error
        {
            get { return _driver.Error; }
        }

        /// <summary>
        /// Words for <see cref="Error"/>: the router's <c>!fatal</c> reason or the login trap's
        /// message; the transport's own message when it failed (e.g. which port is API-SSL); for a
        /// <see cref="ErrorCode.PeerClosed"/> in the middle of a reply, a note that a reply was cut
        /// off (<see cref="ApiConnection.ClosedMidSentence"/>); otherwise null.
        /// </summary>
        public string ErrorMessage
        {
            get { return _driver.ErrorMessage; }
        }

        /// <summary>Whether the background pump is running.</summary>
        public bool IsPumpRunning
        {
            get { return _driver.IsPumpRunning; }
        }

        /// <summary>Replies whose tag belonged to no command (they are reported, never dropped silently).</summary>
        public int UnroutedReplyCount
        {
            get { return _driver.UnroutedReplyCount; }
        }

        /// <summary>Optional: called with each unrouted reply (the handle passed is inactive).</summary>
        public ReplyHandler UnroutedReplyHandler
        {
            get { return _driver.UnroutedReplyHandler; }
            set { _driver.UnroutedReplyHandler = value; }
        }

        /// <summary>
        /// Attaches a connected transport and logs in (plain, or the legacy challenge if the router
        /// asks for it), waiting up to <see cref="ClientOptions.LoginTimeoutMilliseconds"/>. Any
        /// earlier connection is closed first, and handles of its commands report it ended.
        /// </summary>
        /// <param name="transport">A connected transport.</param>
        /// <param name="user">The user name.</param>
        /// <param name="password">The password.</param>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.LoginRefused"/> (the router's message),
        /// <see cref="ErrorCode.Timeout"/>, <see cref="ErrorCode.PeerClosed"/>, <see cref="ErrorCode.PasswordTooLong"/>,
        /// or another connection error.</exception>
        public void Connect(ITransport transport, string user, string password)
        {
            if (transport == null)
            {
                throw new ArgumentNullException("transport");
            }

            _driver.BeginLogin(transport, user, password);
            while (!_driver.IsLoginDecided)
            {
                _driver.Turn(_options.ReadSliceMilliseconds);
            }

            _driver.FinishLogin();
        }

        /// <summary>Stops the pump, closes the transport, and ends every command (<see cref="ErrorCode.ClosedLocally"/>).</summary>
        public void Close()
        {
            StopPump();
            _driver.Close();
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose()
        {
            Close();
        }
    }
}
