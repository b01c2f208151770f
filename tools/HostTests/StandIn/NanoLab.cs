using Xunit;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <summary>
/// Where nanoFramework's own tools are (the lab: real packages, metadata processor, nanoCLR), found as
/// tools/test.sh finds it: $NANOLAB, else ../shared/nanolab beside the repository. Null when absent.
/// </summary>
internal static class NanoLab
{
    public static string? Root { get; } = Find();

    /// <summary>The real nanoFramework.TestFramework assembly the stand-in must match.</summary>
    public static string? TestFramework => Root == null
        ? null
        : Path.Combine(Root, "packages", "nanoFramework.TestFramework.3.0.80", "lib", "nanoFramework.TestFramework.dll");

    public const string Absent = "no nanolab found (set NANOLAB or place it at ../shared/nanolab): the real assembly is not available here";

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("NANOLAB");
        var candidate = string.IsNullOrEmpty(configured) ? Path.Combine(RepoPaths.Root, "..", "shared", "nanolab") : configured;
        return Directory.Exists(Path.Combine(candidate, "packages")) ? Path.GetFullPath(candidate) : null;
    }
}

/// <summary>A fact that needs the lab; skipped with a reason when the lab is absent.</summary>
public sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute()
    {
        if (NanoLab.Root == null)
        {
            Skip = NanoLab.Absent;
        }
    }
}
