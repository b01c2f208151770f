namespace Mikrotik.Nano.Analyzers.Tests.Support;

/// <summary>The repository this test project is built in.</summary>
internal static class Repository
{
    /// <summary>The repository root (the folder holding nano.sln and README.md above the test binaries).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nano.sln")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
