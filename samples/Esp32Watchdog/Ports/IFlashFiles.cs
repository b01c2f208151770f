namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Small whole files on the board's flash, the port under the action-history store. On the
    /// board: nanoFramework.System.IO.FileSystem on the internal drive (<c>Platform/NanoFlashFiles</c>);
    /// on the host: a folder; in tests: a fake with nanoFramework's rules.
    /// </summary>
    /// <remarks>
    /// nanoFramework's rules that the store is written against: a write opens the file with
    /// FileMode.Create, which truncates it first, so a reset in the middle leaves a short (torn)
    /// file; there is no atomic rename (File.Move refuses an existing target and may fall back to
    /// copy and delete); a missing drive or a failing flash throws IOException.
    /// </remarks>
    public interface IFlashFiles
    {
        /// <summary>Reads a file from its start into <paramref name="buffer"/>.</summary>
        /// <param name="name">A short file name (letters, digits, '.', '-').</param>
        /// <param name="buffer">Receives at most its length in bytes.</param>
        /// <returns>Bytes read (at most the buffer's length), or -1 when the file does not exist.</returns>
        /// <exception cref="System.IO.IOException">The drive or the file cannot be read.</exception>
        int Read(string name, byte[] buffer);

        /// <summary>Replaces a file's content with the first <paramref name="count"/> bytes of <paramref name="buffer"/> and closes it.</summary>
        /// <param name="name">A short file name (letters, digits, '.', '-').</param>
        /// <param name="buffer">The content.</param>
        /// <param name="count">How many bytes of it.</param>
        /// <exception cref="System.IO.IOException">The drive or the file cannot be written.</exception>
        void Write(string name, byte[] buffer, int count);
    }
}
