using System.Xml.Linq;

namespace Mikrotik.Nano.HostTests.NfprojConsistency;

/// <summary>
/// The nanoFramework packages' own dependencies, as their published .nuspec files declare them, read
/// from <see cref="RelativePath"/> (id and version → the files of its lib\ folder and its dependencies,
/// each a minimum version as NuGet reads a bare version).
/// </summary>
public sealed class PackageDependencies
{
    /// <summary>Where the data is, from the repository root.</summary>
    public const string RelativePath = "tools/build/PackageDependencies.xml";

    private readonly Dictionary<string, Package> _packages;

    private PackageDependencies(Dictionary<string, Package> packages) => _packages = packages;

    /// <summary>Reads the data of a repository, or reports why it cannot and returns null.</summary>
    public static PackageDependencies? Load(string root, List<string> errors)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path))
        {
            errors.Add($"{RelativePath} does not exist: add it, with each nanoFramework package's dependencies from its published .nuspec");
            return null;
        }

        var packages = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in XDocument.Load(path).Root!.Elements("package"))
        {
            var package = new Package(
                (string)element.Attribute("id")!,
                (string)element.Attribute("version")!,
                element.Elements("lib").Select(l => (string)l.Attribute("file")!).ToList(),
                element.Elements("dependency").Select(d => new Dependency((string)d.Attribute("id")!, (string)d.Attribute("version")!)).ToList());
            if (!packages.TryAdd(Key(package.Id, package.Version), package))
            {
                errors.Add($"{RelativePath} lists {package.Id} {package.Version} twice: keep one");
            }
        }

        return new PackageDependencies(packages);
    }

    /// <summary>The entry of a package at a version, or null when the data does not list it.</summary>
    public Package? Find(string id, string version) => _packages.GetValueOrDefault(Key(id, version));

    /// <summary>
    /// Orders two package versions numerically (1.1.52 &lt; 1.1.100); versions that are not plain numbers
    /// compare as text.
    /// </summary>
    public static int CompareVersions(string a, string b) =>
        Version.TryParse(a, out var x) && Version.TryParse(b, out var y) ? x.CompareTo(y) : string.CompareOrdinal(a, b);

    private static string Key(string id, string version) => id + "/" + version;

    /// <summary>One package at one version.</summary>
    /// <param name="Id">The package id (nanoFramework.System.Net).</param>
    /// <param name="Version">Its version.</param>
    /// <param name="Libs">The files of its lib\ folder that projects reference (System.Net.dll).</param>
    /// <param name="Dependencies">What its .nuspec depends on.</param>
    public sealed record Package(string Id, string Version, IReadOnlyList<string> Libs, IReadOnlyList<Dependency> Dependencies);

    /// <summary>A dependency of a package: this id at this version or higher.</summary>
    public sealed record Dependency(string Id, string Version);
}
