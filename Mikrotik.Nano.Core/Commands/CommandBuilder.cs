namespace Mikrotik.Nano
{
    /// <summary>
    /// The first state of a command: it has no path yet, so the only thing it offers is
    /// <see cref="Path"/>. Attributes, queries and sending exist only on the
    /// <see cref="CommandWriter"/> that <see cref="Path"/> returns (typestate without generics).
    /// </summary>
    /// <remarks>The connection owns one builder and reuses it for every command: nothing is allocated.</remarks>
    public sealed class CommandBuilder
    {
        private readonly ApiConnection _connection;
        private readonly CommandWriter _writer;

        internal CommandBuilder(ApiConnection connection, CommandWriter writer)
        {
            _connection = connection;
            _writer = writer;
        }

        /// <summary>
        /// Starts the command with its path, e.g. <c>/system/resource/print</c>: a leading
        /// <c>/</c>, non-empty segments of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>.
        /// </summary>
        /// <param name="path">The command path.</param>
        /// <returns>The writer for the rest of the command.</returns>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.InvalidPath"/>, or an error from writing.</exception>
        public CommandWriter Path(string path)
        {
            if (!IsValidPath(path))
            {
                _connection.AbandonCommand();
                throw new MikrotikException(ErrorCode.InvalidPath, "invalid command path");
            }

            _connection.BeginCommandWord(path);
            return _writer;
        }

        internal static bool IsValidPath(string path)
        {
            if (path == null || path.Length < 2 || path[0] != '/' || path[path.Length - 1] == '/')
            {
                return false;
            }

            for (int i = 1; i < path.Length; i++)
            {
                char c = path[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || (c == '/' && path[i - 1] != '/');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
