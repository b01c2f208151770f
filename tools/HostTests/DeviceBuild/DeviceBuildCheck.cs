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
public sealed class DeviceBuildCheck
{
    private readonly string _root;
    private readonly PackageStubs _stubs;
    private readonly MetadataReference _mscorlib;
    private readonly MetadataReference _testFramework;
    private readonly Dictionary<string, Built> _projects = new(StringComparer.Ordinal);

    /// <param name="root">The repository (or test tree) root: .nfproj paths and messages are relative to it.</param>
    /// <param name="stubFolder">The stub files (<see cref="PackageStubs.Folder"/> of the repository).</param>
    public DeviceBuildCheck(string root, string stubFolder)
    {
        var errors = new List<string>();
        _root = root;
        _mscorlib = File.Exists(RepoPaths.NanoMscorlib)
            ? MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib)
            : throw new InvalidOperationException(RepoPaths.NanoMscorlib + " not found (restored by the host build)");
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
    public byte[]? Image(string nfproj) => _projects.GetValueOrDefault(Path.GetFullPath(Path.Combine(_root, nfproj)))?.Image;

    /// <summary>The error diagnostics, each as <c>file(line,col): CS0000 message</c> with the file relative to <paramref name="root"/>.</summary>
    internal static IEnumerable<string> Errors(IEnumerable<Diagnostic> diagnostics, string root, string what) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var file = span.Path.Length == 0 ? what : Path.GetRelativePath(root, span.Path).Replace('\\', '/');
            return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Id} {d.GetMessage()} [{what}]";
        });

    // Each project is compiled once per check; its errors are kept with it, so a project reached
    // again (as a reference, or by a second Compile) reports them again rather than passing.
    private MetadataReference? Build(string nfproj, List<string> errors)
    {
        if (_projects.TryGetValue(nfproj, out var done))
        {
            errors.AddRange(done.Errors);
            return done.Reference;
        }

        var own = new List<string>();
        _projects[nfproj] = new Built(null, null, own); // a reference cycle ends here
        var dir = Path.GetDirectoryName(nfproj)!;
        var name = Path.GetRelativePath(_root, nfproj).Replace('\\', '/');
        var project = XDocument.Load(nfproj);
        var references = new List<MetadataReference> { _mscorlib };
        foreach (var hintPath in Items(project, "Reference", "HintPath"))
        {
            var reference = PackageReference(dir, hintPath, name, own);
            if (reference != null)
            {
                references.Add(reference);
            }
        }

        foreach (var include in Attributes(project, "ProjectReference"))
        {
            var referenced = Build(Path.GetFullPath(Path.Combine(dir, include.Replace('\\', '/'))), own);
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
        own.AddRange(Errors(result.Diagnostics, _root, name));
        var bytes = result.Success ? image.ToArray() : null;
        var built = new Built(bytes == null ? null : MetadataReference.CreateFromImage(bytes), bytes, own);
        _projects[nfproj] = built;
        errors.AddRange(own);
        return built.Reference;
    }

    // A HintPath into packages/<id>.<version>/lib/<file>: mscorlib and TestFramework are real (or the
    // checked stand-in); every other package is its stub.
    private MetadataReference? PackageReference(string projectDirectory, string hintPath, string project, List<string> errors)
    {
        var package = NfprojConsistencyCheck.PackageOf(_root, projectDirectory, hintPath);
        if (package == null)
        {
            errors.Add($"{project}: HintPath {hintPath} is not packages/<id>.<version>/lib/<file>");
            return null;
        }

        var (id, version, file) = package.Value;
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

    private static string? Property(XDocument project, string name) =>
        project.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static IEnumerable<string> Attributes(XDocument project, string item) =>
        project.Descendants().Where(e => e.Name.LocalName == item).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    private static IEnumerable<string> Items(XDocument project, string item, string child) =>
        project.Descendants().Where(e => e.Name.LocalName == item)
            .SelectMany(e => e.Elements().Where(c => c.Name.LocalName == child)).Select(c => c.Value.Trim());

    /// <summary>A compiled project: its assembly (null when it failed) and its own errors.</summary>
    private sealed record Built(MetadataReference? Reference, byte[]? Image, List<string> Errors);
}
