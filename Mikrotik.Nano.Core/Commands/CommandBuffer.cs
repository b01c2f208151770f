namespace Mikrotik.Nano
{
    /// <summary>
    /// A staging buffer a command is encoded into before it is sent, allocated once and reused.
    /// A connection has one (<see cref="ApiConnection.NewCommand"/>); a thread that builds
    /// commands while another thread uses the connection keeps its own, so building needs no lock:
    /// only <see cref="ApiConnection.Send(CommandWriter, long)"/> touches the connection.
    /// </summary>
    public sealed class CommandBuffer
    {
        private readonly WordBuffer _words;
        private readonly CommandBuilder _builder;
        private readonly CommandWriter _writer;
        private bool _hasPath;

        /// <summary>Creates a buffer for commands of up to <paramref name="capacity"/> encoded bytes.</summary>
        /// <param name="capacity">The largest command, in bytes (without its tag).</param>
        public CommandBuffer(int capacity)
        {
            if (capacity < 16)
            {
                throw new MikrotikException(ErrorCode.InvalidConfiguration, "command buffer too small");
            }

            _words = new WordBuffer(capacity);
            _writer = new CommandWriter(this);
            _builder = new CommandBuilder(this);
        }

        /// <summary>Starts a new command, discarding anything not sent. Its only step is <see cref="CommandBuilder.Path"/>.</summary>
        /// <returns>The builder.</returns>
        public CommandBuilder Begin()
        {
            _words.Rollback();
            _words.BeginSentence();
            _hasPath = false;
            return _builder;
        }

        internal WordBuffer Words
        {
            get { return _words; }
        }

        /// <summary>Whether a command with a path is staged here and not yet sent.</summary>
        public bool IsStaged
        {
            get { return _hasPath && _words.IsSentenceOpen; }
        }

        internal CommandWriter WritePath(string path)
        {
            if (!_words.IsSentenceOpen || _hasPath)
            {
                throw new MikrotikException(ErrorCode.InvalidState, "call Begin first");
            }

            Write(_words.WriteWord(path, null, null, (string)null));
            _hasPath = true;
            return _writer;
        }

        internal void CheckStaged()
        {
            if (!IsStaged)
            {
                throw new MikrotikException(ErrorCode.InvalidState, "command already sent or discarded: build it again");
            }
        }

        internal void Write(ErrorCode error)
        {
            if (error != ErrorCode.None)
            {
                // WordBuffer has already rolled the command back.
                _hasPath = false;
                throw new MikrotikException(error, "command too large");
            }
        }

        internal void Abandon()
        {
            _words.Rollback();
            _hasPath = false;
        }
    }
}
