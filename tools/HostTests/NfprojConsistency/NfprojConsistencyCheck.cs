using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mikrotik.Nano.HostTests.NfprojConsistency;

/// <summary>
/// Keeps the device build (classic .nfproj with an explicit file list, packages.config, nano.sln) in step
/// with the host build (SDK-style .csproj beside each .nfproj, compiling by glob). Every message says
/// which line to add, remove or change, and where.
/// </summary>
public static partial class NfprojConsistencyCheck
{
    /// <summary>The nanoFramework project type under which nano.sln lists each .nfproj.</summary>
    public const string NanoProjectType = "11A8DD76-328B-46DF-9F39-F559912D0360";

    /// <summary>Device-only sources live under this folder of a project; host builds exclude it.</summary>
    private const string DeviceOnlyFolder = "Platform/";

    /// <summary>
    /// Device-only projects: .nfproj files with no host (SDK-style) project beside them, on purpose. Their
    /// code means something only on a nanoFramework runtime, where nfbuild compiles it against the real
    /// packages (the test command builds every .nfproj), so a host copy would add build time and nothing
    /// else. Every other check (Compile list against the disk, packages, nano.sln) still applies, and a
    /// listed project that gains a host project is reported. Paths from the repository root.
    /// </summary>
    public static readonly IReadOnlyCollection<string> DeviceOnlyProjects =
    [
        // Speed of the core on nanoCLR (benchmarks/nanoclr-bench.sh); host speed is Mikrotik.Nano.Benchmarks.
        "benchmarks/Mikrotik.Nano.NanoBench/Mikrotik.Nano.NanoBench.nfproj",
    ];

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "packages", ".git", ".vs", "TestResults"];

    /// <param name="root">The repository root.</param>
    /// <param name="deviceOnly">The device-only projects (see <see cref="DeviceOnlyProjects"/>, the default).</param>
    public static IReadOnlyList<string> Check(string root, IReadOnlyCollection<string>? deviceOnly = null)
    {
        deviceOnly ??= DeviceOnlyProjects;
        var errors = new List<string>();
        var solution = ReadSolution(Path.Combine(root, "nano.sln"), errors);
        var dependencies = PackageDependencies.Load(root, errors);
        var projects = FindFiles(root, "*.nfproj").Order(StringComparer.Ordinal).ToList();
        var configs = projects.ToDictionary(p => Path.GetFullPath(p), p => ReadPackagesConfig(Path.Combine(Path.GetDirectoryName(p)!, "packages.config")), StringComparer.Ordinal);
        foreach (var nfproj in projects)
        {
            CheckProject(root, nfproj, solution, deviceOnly, dependencies, configs, errors);
        }

        return errors.Distinct().ToList();
    }

    private static void CheckProject(string root, string nfproj, Dictionary<string, (string Type, string Guid)>? solution, IReadOnlyCollection<string> deviceOnly,
        PackageDependencies? dependencies, Dictionary<string, PackagesConfig> configs, List<string> errors)
    {
        var dir = Path.GetDirectoryName(nfproj)!;
        var name = Rel(root, nfproj);
        var project = XDocument.Load(nfproj);

        // Compile items: each listed file exists; each .cs on disk is listed.
        var listed = Elements(project, "Compile").Select(e => (string?)e.Attribute("Include") ?? "").Select(Slash).ToList();
        foreach (var file in listed.Where(f => !File.Exists(Path.Combine(dir, f))))
        {
            errors.Add($"{name} lists {file}, which does not exist: remove `<Compile Include=\"{Back(file)}\" />` from {name}");
        }

        var listedSet = new HashSet<string>(listed, StringComparer.Ordinal);
        foreach (var file in FindFiles(dir, "*.cs").Select(f => Rel(dir, f)).Where(f => !listedSet.Contains(f)))
        {
            errors.Add(NotInDeviceBuild(name, file));
        }

        // The host project beside it compiles exactly the listed files minus the device-only ones.
        var hostProjects = Directory.GetFiles(dir, "*.csproj");
        if (deviceOnly.Contains(name))
        {
            if (hostProjects.Length > 0)
            {
                errors.Add($"{name} is listed as device-only (NfprojConsistencyCheck.DeviceOnlyProjects) but has a host project beside it ({string.Join(", ", hostProjects.Select(p => Rel(root, p)))}): remove it from that list, or delete the host project");
            }
        }
        else if (hostProjects.Length != 1)
        {
            errors.Add(hostProjects.Length == 0
                ? $"{name} has no host project beside it: add {Rel(root, Path.ChangeExtension(nfproj, ".csproj"))} (SDK-style, importing tools/build/NanoAssembly.props, with `<Compile Remove=\"Platform/**\" />`) and list it in tools/Mikrotik.Nano.Host.slnx"
                : $"{name} has {hostProjects.Length} host projects beside it ({string.Join(", ", hostProjects.Select(p => Rel(root, p)))}): keep one");
        }
        else
        {
            var host = Rel(root, hostProjects[0]);
            var compiled = HostCompileItems(hostProjects[0]).Select(f => Rel(dir, f)).ToHashSet(StringComparer.Ordinal);
            var expected = listed.Where(f => !f.StartsWith(DeviceOnlyFolder, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            foreach (var file in expected.Where(f => !compiled.Contains(f)).Order(StringComparer.Ordinal))
            {
                errors.Add($"{host} does not compile {file}, which {name} lists: remove the `<Compile Remove>` that excludes it from {host}, or move the file under {DeviceOnlyFolder} if it is device-only");
            }

            foreach (var file in compiled.Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal))
            {
                errors.Add(file.StartsWith(DeviceOnlyFolder, StringComparison.Ordinal)
                    ? $"{host} compiles {file}, a device-only file: add `<Compile Remove=\"Platform/**\" />` to {host}"
                    : NotInDeviceBuild(name, file));
            }
        }

        CheckPackages(root, dir, name, project, errors);
        if (dependencies != null)
        {
            CheckClosure(root, nfproj, project, dependencies, configs, errors);
        }

        // nano.sln lists the project under the nanoFramework project type, with the project's own GUID.
        var guid = Elements(project, "ProjectGuid").Select(e => e.Value.Trim('{', '}', ' ')).FirstOrDefault();
        if (guid == null)
        {
            errors.Add($"{name} has no <ProjectGuid>: add `<ProjectGuid>{{{Guid.NewGuid().ToString().ToUpperInvariant()}}}</ProjectGuid>` to its first <PropertyGroup>");
            return;
        }

        if (solution == null)
        {
            return;
        }

        var projectName = Path.GetFileNameWithoutExtension(nfproj);
        var line = $"Project(\"{{{NanoProjectType}}}\") = \"{projectName}\", \"{Back(name)}\", \"{{{guid.ToUpperInvariant()}}}\"";
        if (!solution.TryGetValue(name, out var entry))
        {
            errors.Add($"nano.sln does not list {name}: add the line `{line}` followed by `EndProject`");
        }
        else if (!entry.Type.Equals(NanoProjectType, StringComparison.OrdinalIgnoreCase) || !entry.Guid.Equals(guid, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"nano.sln lists {name} with project type {{{entry.Type}}} and GUID {{{entry.Guid}}}: replace that Project line with `{line}`");
        }
    }

    /// <summary>packages.config and the HintPaths name the same packages at the same versions, both ways.</summary>
    private static void CheckPackages(string root, string dir, string name, XDocument project, List<string> errors)
    {
        var configPath = Path.Combine(dir, "packages.config");
        var config = Rel(root, configPath);
        var packages = ReadPackagesConfig(configPath).Versions;
        var prefix = Back(Path.GetRelativePath(dir, Path.Combine(root, "packages"))) + "\\";

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var hint in Elements(project, "HintPath").Select(e => e.Value.Trim()))
        {
            var package = PackageOf(root, dir, hint);
            if (package == null)
            {
                errors.Add($"{name} has HintPath {hint}, which is not of the form `{prefix}<Id>.<Version>\\lib\\<Assembly>.dll` (the solution's packages folder): fix that HintPath");
                continue;
            }

            var (id, version, file) = package.Value;
            used.Add(id);
            if (!packages.TryGetValue(id, out var configured))
            {
                errors.Add($"{name} has HintPath {hint}, but {config} does not list {id}: add `<package id=\"{id}\" version=\"{version}\" targetFramework=\"netnano1.0\" />` to {config}");
            }
            else if (configured != version)
            {
                errors.Add($"{name} has HintPath {hint}, but {config} has {id} {configured}: change that HintPath to `{prefix}{id}.{configured}\\lib\\{Back(file)}` (or the version in {config} to {version})");
            }
        }

        foreach (var (id, version) in packages.Where(p => !used.Contains(p.Key)))
        {
            errors.Add($"{config} lists {id} {version}, but no HintPath in {name} uses it: remove `<package id=\"{id}\" version=\"{version}\" ... />` from {config}, or add its `<Reference>` with `<HintPath>{prefix}{id}.{version}\\lib\\<Assembly>.dll</HintPath>` to {name}");
        }

        CheckNuspec(root, dir, config, packages, errors);
    }

    /// <summary>A library's .nuspec depends on exactly the nanoFramework packages of its packages.config, at exact versions.</summary>
    private static void CheckNuspec(string root, string dir, string config, Dictionary<string, string> packages, List<string> errors)
    {
        foreach (var nuspecPath in Directory.GetFiles(dir, "*.nuspec"))
        {
            var nuspec = Rel(root, nuspecPath);
            var declared = XDocument.Load(nuspecPath).Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => ((string)e.Attribute("id")!, (string)e.Attribute("version")!))
                .Where(d => d.Item1.StartsWith("nanoFramework.", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(d => d.Item1, d => d.Item2, StringComparer.OrdinalIgnoreCase);
            foreach (var (id, version) in packages)
            {
                if (!declared.TryGetValue(id, out var range))
                {
                    errors.Add($"{config} uses {id} {version}, but {nuspec} does not depend on it: add `<dependency id=\"{id}\" version=\"[{version}]\" />` to {nuspec}");
                }
                else if (range != $"[{version}]")
                {
                    errors.Add($"{nuspec} depends on {id} {range}, but {config} has {version}: use the exact version `[{version}]`");
                }
            }

            foreach (var id in declared.Keys.Where(id => !packages.ContainsKey(id)))
            {
                errors.Add($"{nuspec} depends on {id}, which {config} does not use: remove that dependency");
            }
        }
    }

    /// <summary>The Compile items of a host project as MSBuild evaluates them (globs, removes and all).</summary>
    public static IEnumerable<string> HostCompileItems(string csproj)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { "msbuild", csproj, "-getItem:Compile", "-nologo" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(csproj)!,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet msbuild -getItem:Compile {csproj} did not finish in 120 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet msbuild -getItem:Compile {csproj} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }

        using var json = JsonDocument.Parse(output.Result);
        if (!json.RootElement.GetProperty("Items").TryGetProperty("Compile", out var items))
        {
            return [];
        }

        return items.EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToList();
    }

    /// <param name="nfproj">The project, relative to the repository root.</param>
    /// <param name="file">The source file, relative to the project's folder.</param>
    private static string NotInDeviceBuild(string nfproj, string file)
    {
        var folder = Path.GetDirectoryName(nfproj)!;
        var fromRoot = folder.Length == 0 ? file : folder + "/" + file;
        return $"{fromRoot} is not in the device build: add `<Compile Include=\"{Back(file)}\" />` to {nfproj}";
    }

    /// <summary>nano.sln's Project lines by project path (forward slashes), or null when there is no nano.sln.</summary>
    private static Dictionary<string, (string Type, string Guid)>? ReadSolution(string path, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add("nano.sln does not exist at the repository root: add it, listing every .nfproj");
            return null;
        }

        var entries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (Match m in SolutionProjectPattern().Matches(File.ReadAllText(path)))
        {
            entries[Slash(m.Groups["path"].Value)] = (m.Groups["type"].Value, m.Groups["guid"].Value);
        }

        return entries;
    }

    /// <summary>Files under a folder, leaving out build output and folders that belong to another project.</summary>
    private static IEnumerable<string> FindFiles(string dir, string pattern)
    {
        foreach (var file in Directory.GetFiles(dir, pattern))
        {
            yield return file;
        }

        foreach (var sub in Directory.GetDirectories(dir))
        {
            var leaf = Path.GetFileName(sub);
            if (SkippedFolders.Contains(leaf, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            // A nested project owns its folder: its files are checked against its own project file.
            if (pattern == "*.cs" && (Directory.GetFiles(sub, "*.nfproj").Length > 0 || Directory.GetFiles(sub, "*.csproj").Length > 0))
            {
                continue;
            }

            foreach (var file in FindFiles(sub, pattern))
            {
                yield return file;
            }
        }
    }

    private static IEnumerable<XElement> Elements(XDocument project, string localName) =>
        project.Descendants().Where(e => e.Name.LocalName == localName);

    private static string Rel(string from, string path) => Slash(Path.GetRelativePath(from, path));

    private static string Slash(string path) => path.Replace('\\', '/');

    private static string Back(string path) => path.Replace('/', '\\');

    /// <summary>The package a HintPath points into (<c>packages/&lt;id&gt;.&lt;version&gt;/lib/&lt;file&gt;</c> under the root), or null.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="projectDirectory">The folder of the project the HintPath is in.</param>
    /// <param name="hintPath">The HintPath as written.</param>
    internal static (string Id, string Version, string File)? PackageOf(string root, string projectDirectory, string hintPath)
    {
        var match = HintPathPattern().Match(Rel(root, Path.GetFullPath(Path.Combine(projectDirectory, Slash(hintPath)))));
        return match.Success ? (match.Groups["id"].Value, match.Groups["version"].Value, match.Groups["file"].Value) : null;
    }

    [GeneratedRegex(@"^packages/(?<id>[^/]+?)\.(?<version>\d[^/]*)/lib/(?<file>.+)$")]
    private static partial Regex HintPathPattern();

    [GeneratedRegex(@"^Project\(""\{(?<type>[^}]+)\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""\s*,\s*""\{(?<guid>[^}]+)\}""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectPattern();
}
