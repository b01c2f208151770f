using Esp32Watchdog.Ports;

namespace WatchdogHost;

/// <summary>
/// The board's flash files on the host: a folder. The action-history store above it is the
/// firmware's own (Persistence/FlashHistoryStore), so the host runner keeps the same two copies.
/// </summary>
internal sealed class FolderFlashFiles(string folder) : IFlashFiles
{
    public int Read(string name, byte[] buffer)
    {
        string path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            return -1;
        }

        using FileStream file = File.OpenRead(path);
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

    public void Write(string name, byte[] buffer, int count)
    {
        Directory.CreateDirectory(folder);
        using var file = new FileStream(Path.Combine(folder, name), FileMode.Create, FileAccess.Write);
        file.Write(buffer, 0, count);
        file.Flush(flushToDisk: true);
    }
}
