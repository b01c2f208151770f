namespace Mikrotik.Nano
{
    /// <summary>
    /// The first state of a command: it has no path yet, so the only thing it offers is
    /// <see cref="Path"/>. Attributes, queries and sending exist only on the
    /// <see cref="CommandWriter"/> that <see cref="Path"/> returns (typestate without generics).
    /// </summary>
    /// <remarks>Each <see cref="CommandBuffer"/> owns one builder and reuses it: nothing is allocated.</remarks>
    public sealed class CommandBuilder
    {
        private readonly CommandBuffer _buffer;

        internal CommandBuilder(CommandBuffer buffer)
        {
            _buffer = buffer;
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
                _buffer.Abandon();
                throw new MikrotikException(ErrorCode.InvalidPath, "invalid path '" + path + "': want /menu/command of letters digits - _ .");
            }

            return _buffer.WritePath(path);
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
