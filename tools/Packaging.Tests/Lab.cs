using Xunit;

namespace Packaging.Tests;

/// <summary>
/// The nanolab ($NANOLAB, else ../shared/nanolab beside the repository), whose nfbuild.py tools/pack.sh
/// needs for the nanoFramework packages. Without it the tests of those packages are skipped, as
/// tools/test.sh skips the device layer; the host packages are tested everywhere.
/// </summary>
internal static class Lab
{
    /// <summary>The lab folder tools/pack.sh would use.</summary>
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("NANOLAB") is { Length: > 0 } lab ? lab : Path.Combine(Repository.Root, "..", "shared", "nanolab");

    /// <summary>True when the lab has the device build tool.</summary>
    public static bool Present => File.Exists(Path.Combine(Folder, "tools", "nfbuild.py"));

    /// <summary>Why the packaging tests do not run, or null when they do.</summary>
    public static string? SkipReason => Present
        ? null
        : $"no nanolab at {Path.GetFullPath(Folder)} (set NANOLAB or place it at ../shared/nanolab): the nanoFramework packages need its nfbuild.py";
}

/// <summary>A test of the nanoFramework packages: skipped, saying why, when the nanolab is absent.</summary>
internal sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute() => Skip = Lab.SkipReason;
}

/// <summary>A theory on the nanoFramework packages: skipped, saying why, when the nanolab is absent.</summary>
internal sealed class LabTheoryAttribute : TheoryAttribute
{
    public LabTheoryAttribute() => Skip = Lab.SkipReason;
}

/// <summary>The test classes that share one run of tools/pack.sh.</summary>
[CollectionDefinition(Name)]
public sealed class PackedCollection : ICollectionFixture<PackedArtifacts>
{
    public const string Name = "tools/pack.sh";
}

/// <summary>The repository root: the folder holding nano.sln above the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nano.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("nano.sln not found above " + AppContext.BaseDirectory);
    }
}
