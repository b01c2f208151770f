// Device-only: needs nanoFramework.System.IO.FileSystem (and System.IO.Streams), which cannot be
// restored on build machines. Listed in Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj.
// Pure adaptation: the store's logic (two copies, sequence numbers, CRC, conservative reading) is
// Persistence/FlashHistoryStore, tested through a fake with nanoFramework's file rules.
using System.IO;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// <see cref="IFlashFiles"/> on the board's internal flash drive through nanoFramework's
    /// <c>FileStream</c>: FileMode.Open to read (IOException FileNotFound: no such file),
    /// FileMode.Create to write (truncate, write, flush, close).
    /// </summary>
    internal sealed class NanoFlashFiles : IFlashFiles
    {
        /// <summary>The internal flash drive of nanoFramework's ESP32 firmware.</summary>
        internal const string InternalDrive = "I:\\";

        private readonly string _folder;

        /// <param name="folder">Where the files are, ending with a separator (e.g. <see cref="InternalDrive"/>).</param>
        internal NanoFlashFiles(string folder)
        {
            _folder = folder;
        }

        public int Read(string name, byte[] buffer)
        {
            FileStream file;
            try
            {
                // Not File.Exists: it answers false for any error, and "missing" must mean missing.
                file = new FileStream(_folder + name, FileMode.Open, FileAccess.Read);
            }
            catch (IOException ex)
            {
                if (ex.ErrorCode == IOException.IOExceptionErrorCode.FileNotFound)
                {
                    return -1;
                }

                throw;
            }

            using (file)
            {
                // Not File.ReadAllBytes: it loops for ever when Read returns 0 before the length.
                int total = 0;
                while (total < buffer.Length)
                {
                    int read = file.Read(buffer, total, buffer.Length - total);
                    if (read <= 0)
                    {
                        break;
                    }

                    total += read;
                }

                return total;
            }
        }

        public void Write(string name, byte[] buffer, int count)
        {
            using (FileStream file = new FileStream(_folder + name, FileMode.Create, FileAccess.Write))
            {
                file.Write(buffer, 0, count);
                file.Flush();
            }
        }
    }
}
