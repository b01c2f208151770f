using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Mikrotik.Nano.HostTests.NfprojConsistency;

namespace Mikrotik.Nano.HostTests.DeviceBuild;

/// <summary>
/// The nanoFramework packages that cannot be restored here, as reference assemblies compiled from
/// the signature stubs in <see cref="Folder"/> (one file per package id), under the assembly name of
/// the package's lib file and against the stubs of the dependencies its .nuspec declares
/// (<see cref="PackageDependencies"/>), so that a type reached through a base class or a signature
/// needs the same references it needs on the device.
/// </summary>
public sealed class PackageStubs
{
    /// <summary>Where the stubs are, from the repository root.</summary>
    public const string Folder = "tools/HostTests/DeviceBuild/Stubs";

    private readonly string _folder;
    private readonly PackageDependencies _dependencies;
    private readonly MetadataReference _mscorlib;
    private readonly Dictionary<string, MetadataReference> _built = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="folder">The stub files' folder.</param>
    /// <param name="dependencies">The packages' own dependencies and lib files.</param>
    /// <param name="mscorlib">nanoFramework's real mscorlib.</param>
    public PackageStubs(string folder, PackageDependencies dependencies, MetadataReference mscorlib)
    {
        _folder = folder;
        _dependencies = dependencies;
        _mscorlib = mscorlib;
    }

    /// <summary>The reference assembly of a package at a version, or null with the reason in <paramref name="errors"/>.</summary>
    public MetadataReference? Get(string id, string version, List<string> errors)
    {
        if (_built.TryGetValue(id + "/" + version, out var done))
        {
            return done;
        }

        var package = _dependencies.Find(id, version);
        var source = Path.Combine(_folder, id + ".cs");
        if (package == null || package.Libs.Count != 1 || !File.Exists(source))
        {
            errors.Add($"no reference stub for {id} {version}: add {Folder}/{id}.cs (signatures read from the package's source at its tag) and its <package> in {PackageDependencies.RelativePath}");
            return null;
        }

        // All its dependencies, transitively: a signature may use a type a dependency's dependency
        // defines (Wi-Fi's CancellationToken is System.Threading's, which Wi-Fi gets through System.Net).
        var references = new List<MetadataReference> { _mscorlib };
        foreach (var dependency in Closure(package))
        {
            var reference = Get(dependency.Id, dependency.Version, errors);
            if (reference != null)
            {
                references.Add(reference);
            }
        }

        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(package.Libs[0]),
            [CSharpSyntaxTree.ParseText(File.ReadAllText(source), new CSharpParseOptions(LanguageVersion.CSharp9), source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            errors.AddRange(DeviceBuildCheck.Errors(result.Diagnostics, Path.GetDirectoryName(_folder)!, $"stub of {id}"));
            return null;
        }

        var built = MetadataReference.CreateFromImage(image.ToArray());
        _built[id + "/" + version] = built;
        return built;
    }

    private List<PackageDependencies.Dependency> Closure(PackageDependencies.Package package)
    {
        var found = new List<PackageDependencies.Dependency>();
        var pending = new Queue<PackageDependencies.Dependency>(package.Dependencies);
        while (pending.Count > 0)
        {
            var dependency = pending.Dequeue();
            if (dependency.Id.Equals("nanoFramework.CoreLibrary", StringComparison.OrdinalIgnoreCase) || found.Any(d => d.Id == dependency.Id))
            {
                continue;
            }

            found.Add(dependency);
            foreach (var next in _dependencies.Find(dependency.Id, dependency.Version)?.Dependencies ?? [])
            {
                pending.Enqueue(next);
            }
        }

        return found;
    }
}
