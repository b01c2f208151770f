using Esp32Watchdog.Configuration;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Ports;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>The host runner's flash: a folder under the firmware's own store, kept across runs.</summary>
public sealed class FolderFlashFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wd-history-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static WatchdogConfig Config() => DemoRun.Config(8728);

    [Fact]
    public void StoreInAFolderIsReadBackByTheNextRun()
    {
        var first = new FlashHistoryStore(new FolderFlashFiles(_folder), Config());
        Assert.Equal(HistoryCondition.Fresh, first.Open());
        var judgement = new RouterJudgement(3) { Name = Config().Routers[0].Name, GivenUp = true };
        judgement.AddAction(1234);
        Assert.True(first.Write(new[] { judgement }, 5000));

        var next = new FlashHistoryStore(new FolderFlashFiles(_folder), Config());
        Assert.Equal(HistoryCondition.Restored, next.Open());
        Assert.Equal(5000, next.KeptLifetimeMilliseconds);
        Assert.True(next.Find(Config().Routers[0].Name)!.GivenUp);
        Assert.True(File.Exists(Path.Combine(_folder, FlashHistoryStore.FirstFile)));
    }

    [Fact]
    public void MissingFileIsMinusOneAndAShortFileIsReadAsItIs()
    {
        var files = new FolderFlashFiles(_folder);
        var buffer = new byte[16];
        Assert.Equal(-1, files.Read("none.bin", buffer));
        files.Write("short.bin", new byte[] { 1, 2, 3 }, 2);
        Assert.Equal(2, files.Read("short.bin", buffer));
    }

    [Fact]
    public void HistoryOptionNamesTheFolder()
    {
        Assert.Equal("/tmp/h", Arguments.Parse(new[] { "--router", "r", "--user", "u", "--history", "/tmp/h" }).HistoryFolder);
        Assert.Null(Arguments.Parse(new[] { "--router", "r", "--user", "u" }).HistoryFolder);
    }
}
