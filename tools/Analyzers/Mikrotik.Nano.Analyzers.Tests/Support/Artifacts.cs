namespace Mikrotik.Nano.Analyzers.Tests.Support;

/// <summary>The packages that bash tools/pack.sh writes to artifacts/ at the repository root, when it has run.</summary>
internal static class Artifacts
{
    /// <summary>The repository root (the folder holding nano.sln and README.md above the test binaries).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The newest .nupkg of a package id in artifacts/, or null.</summary>
    public static string? Package(string id)
    {
        string folder = Path.Combine(Root, "artifacts");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.GetFiles(folder, id + ".*.nupkg")
            .Where(f => char.IsDigit(Path.GetFileName(f)[id.Length + 1]))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>The version in a package's file name (Id.1.2.3.nupkg).</summary>
    public static string Version(string id, string package)
    {
        string name = Path.GetFileNameWithoutExtension(package);
        return name.Substring(id.Length + 1);
    }

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

/// <summary>A test that needs a package in artifacts/: skipped, saying so, until bash tools/pack.sh has made it.</summary>
internal sealed class PackageFactAttribute : FactAttribute
{
    public PackageFactAttribute(string id)
    {
        if (Artifacts.Package(id) == null)
        {
            Skip = $"no {id} package in artifacts/ yet: run bash tools/pack.sh";
        }
    }
}
