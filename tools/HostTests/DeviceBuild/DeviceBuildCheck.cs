using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Mikrotik.Nano.HostTests.NfprojConsistency;

namespace Mikrotik.Nano.HostTests.DeviceBuild;

/// <summary>
/// Compiles a .nfproj as the device build does, where no nanoFramework build tools exist: exactly its
/// own &lt;Compile&gt; list (Platform/ included, linked files included), C# 9, against nanoFramework's
/// real mscorlib, the signature stubs of exactly the packages its HintPaths name
/// (<see cref="PackageStubs"/>), the TestFramework stand-in, and the projects it references compiled
/// the same way. The host builds leave Platform/ out; this is the one place here that compiles it, so
/// a call the device packages lack, or a package reference missing from the project, fails here and
/// not first on a board. Warnings are the host builds' business; only errors are reported.
/// </summary>
public sealed partial class DeviceBuildCheck
{
    private readonly string _root;
    private readonly PackageStubs _stubs;
    private readonly MetadataReference _mscorlib;
    private readonly MetadataReference _testFramework;
    private readonly Dictionary<string, MetadataReference?> _projects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _images = new(StringComparer.Ordinal);

    /// <param name="root">The repository (or test tree) root: .nfproj paths and messages are relative to it.</param>
    /// <param name="stubFolder">The stub files (<see cref="PackageStubs.Folder"/> of the repository).</param>
    public DeviceBuildCheck(string root, string stubFolder)
    {
        var errors = new List<string>();
        _root = root;
        _mscorlib = MetadataReference.CreateFromFile(Mscorlib());
        var standIn = RepoPaths.BuildOutput("tools/NanoTestFramework", "nanoFramework.TestFramework")
            ?? throw new InvalidOperationException("the TestFramework stand-in is not built: build tools/Mikrotik.Nano.Host.slnx");
        _testFramework = MetadataReference.CreateFromFile(standIn);
        var dependencies = PackageDependencies.Load(root, errors)
            ?? throw new InvalidOperationException(string.Join("; ", errors));
        _stubs = new PackageStubs(stubFolder, dependencies, _mscorlib);
    }

    /// <summary>Compiles one .nfproj (and what it references); returns its errors as <c>file(line,col): CS0000 message</c>.</summary>
    /// <param name="nfproj">Its path from the root.</param>
    public IReadOnlyList<string> Compile(string nfproj)
    {
        var errors = new List<string>();
        Build(Path.GetFullPath(Path.Combine(_root, nfproj)), errors);
        return errors.Distinct().ToList();
    }

    /// <summary>The assembly a successful <see cref="Compile"/> of this .nfproj made, or null.</summary>
    /// <param name="nfproj">Its path from the root.</param>
    public byte[]? Image(string nfproj) => _images.GetValueOrDefault(Path.GetFullPath(Path.Combine(_root, nfproj)));

    /// <summary>The error diagnostics, each as <c>file(line,col): CS0000 message</c> with the file relative to <paramref name="root"/>.</summary>
    internal static IEnumerable<string> Errors(IEnumerable<Diagnostic> diagnostics, string root, string what) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var file = span.Path.Length == 0 ? what : Path.GetRelativePath(root, span.Path).Replace('\\', '/');
            return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id} {d.GetMessage()} [{what}]";
        });

    private MetadataReference? Build(string nfproj, List<string> errors)
    {
        if (_projects.TryGetValue(nfproj, out var done))
        {
            return done;
        }

        _projects[nfproj] = null; // a reference cycle ends here
        var dir = Path.GetDirectoryName(nfproj)!;
        var name = Path.GetRelativePath(_root, nfproj).Replace('\\', '/');
        var project = XDocument.Load(nfproj);
        var references = new List<MetadataReference> { _mscorlib };
        foreach (var hintPath in Items(project, "Reference", "HintPath"))
        {
            var reference = PackageReference(hintPath, name, errors);
            if (reference != null)
            {
                references.Add(reference);
            }
        }

        foreach (var include in Attributes(project, "ProjectReference"))
        {
            var referenced = Build(Path.GetFullPath(Path.Combine(dir, include.Replace('\\', '/'))), errors);
            if (referenced != null)
            {
                references.Add(referenced);
            }
        }

        var parse = new CSharpParseOptions(LanguageVersion.CSharp9);
        var trees = Attributes(project, "Compile")
            .Select(include => Path.GetFullPath(Path.Combine(dir, include.Replace('\\', '/'))))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parse, path));
        var exe = string.Equals(Property(project, "OutputType"), "Exe", StringComparison.OrdinalIgnoreCase);
        var compilation = CSharpCompilation.Create(
            Property(project, "AssemblyName") ?? Path.GetFileNameWithoutExtension(nfproj),
            trees,
            references,
            new CSharpCompilationOptions(exe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            errors.AddRange(Errors(result.Diagnostics, _root, name));
            return null;
        }

        _images[nfproj] = image.ToArray();
        var built = MetadataReference.CreateFromImage(_images[nfproj]);
        _projects[nfproj] = built;
        return built;
    }

    // A HintPath ..\packages\<id>.<version>\lib\<file>: mscorlib and TestFramework are real (or the
    // checked stand-in); every other package is its stub.
    private MetadataReference? PackageReference(string hintPath, string project, List<string> errors)
    {
        var match = HintPathPattern().Match(hintPath.Replace('\\', '/'));
        if (!match.Success)
        {
            errors.Add($"{project}: HintPath {hintPath} is not packages/<id>.<version>/lib/<file>");
            return null;
        }

        var (id, version, file) = (match.Groups["id"].Value, match.Groups["version"].Value, match.Groups["file"].Value);
        if (id.Equals("nanoFramework.CoreLibrary", StringComparison.OrdinalIgnoreCase))
        {
            return null; // always referenced
        }

        if (id.Equals("nanoFramework.TestFramework", StringComparison.OrdinalIgnoreCase))
        {
            return file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? _testFramework : null;
        }

        return _stubs.Get(id, version, errors);
    }

    private static string Mscorlib()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException(path + " not found (restored by the host build)");
    }

    private static string? Property(XDocument project, string name) =>
        project.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static IEnumerable<string> Attributes(XDocument project, string item) =>
        project.Descendants().Where(e => e.Name.LocalName == item).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    private static IEnumerable<string> Items(XDocument project, string item, string child) =>
        project.Descendants().Where(e => e.Name.LocalName == item)
            .SelectMany(e => e.Elements().Where(c => c.Name.LocalName == child)).Select(c => c.Value.Trim());

    [GeneratedRegex(@"(^|/)packages/(?<id>[A-Za-z][A-Za-z0-9_.]*?)\.(?<version>\d+(\.\d+)+(-[A-Za-z0-9.]+)?)/lib/(?<file>[^/]+)$")]
    private static partial Regex HintPathPattern();
}
