using System.Xml.Linq;

namespace Mikrotik.Nano.HostTests.NfprojConsistency;

// The package closure: what NuGet's install in Visual Studio would have written into packages.config
// (issue 21). Split from the file-list and solution checks because it reads its own data
// (tools/build/PackageDependencies.xml) and follows ProjectReferences.
public static partial class NfprojConsistencyCheck
{
    /// <summary>
    /// packages.config names what NuGet's install would have written: the dependencies of every package it
    /// names, transitively, at the version each asks for or higher (<see cref="PackageDependencies"/>), and
    /// every package of the projects it references, transitively, at their version. The project system
    /// deploys only the .pe files of a project's own references, so anything less is missing on the device.
    /// </summary>
    private static void CheckClosure(string root, string nfproj, XDocument project, PackageDependencies data, Dictionary<string, PackagesConfig> configs, List<string> errors)
    {
        var dir = Path.GetDirectoryName(nfproj)!;
        var name = Rel(root, nfproj);
        var config = Rel(root, Path.Combine(dir, "packages.config"));
        var packages = configs[Path.GetFullPath(nfproj)].Versions;
        var prefix = Back(Path.GetRelativePath(dir, Path.Combine(root, "packages"))) + "\\";
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        string AddLines(string id, string version)
        {
            var libs = data.Find(id, version)?.Libs ?? [];
            var references = libs.Count == 0
                ? $"its <Reference> with `<HintPath>{prefix}{id}.{version}\\lib\\<Assembly>.dll</HintPath>`"
                : string.Join(" and ", libs.Select(l => $"`<Reference Include=\"{Path.GetFileNameWithoutExtension(l)}\"><HintPath>{prefix}{id}.{version}\\lib\\{l}</HintPath></Reference>`"));
            return $"add `<package id=\"{id}\" version=\"{version}\" targetFramework=\"netnano1.0\" />` to {config} and {references} to {name}";
        }

        // The packages' own dependencies, followed through the data from what packages.config names.
        var queue = new Queue<(string Id, string Version, string Via)>(packages.Select(p => (p.Key, p.Value, "")));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (queue.Count > 0)
        {
            var (id, version, via) = queue.Dequeue();
            if (!seen.Add(id + "/" + version))
            {
                continue;
            }

            var entry = data.Find(id, version);
            if (entry == null)
            {
                if (via.Length == 0)
                {
                    errors.Add($"{config} uses {id} {version}, which {PackageDependencies.RelativePath} does not list: add its <package> with the dependencies its published .nuspec declares (how: the comment at the top of that file)");
                }
                else
                {
                    errors.Add($"{PackageDependencies.RelativePath} does not list {id} {version}, which {via} depends on: add its <package> with the dependencies its published .nuspec declares");
                }

                continue;
            }

            foreach (var dependency in entry.Dependencies)
            {
                var needer = $"{id} {version}";
                if (!packages.TryGetValue(dependency.Id, out var named))
                {
                    if (reported.Add(dependency.Id))
                    {
                        errors.Add($"{config} does not name {dependency.Id}, which {needer} depends on ({dependency.Version} or higher; NuGet would have installed it): {AddLines(dependency.Id, dependency.Version)}");
                    }

                    queue.Enqueue((dependency.Id, dependency.Version, needer));
                }
                else if (PackageDependencies.CompareVersions(named, dependency.Version) < 0)
                {
                    errors.Add($"{config} has {dependency.Id} {named}, but {needer} depends on {dependency.Id} {dependency.Version} or higher: move {dependency.Id} to {dependency.Version} (its HintPaths and .nuspec too), or choose a version of {id} that fits");
                }
            }
        }

        // The packages of the referenced projects: one deployment, one version of each.
        foreach (var referenced in ReferencedProjects(nfproj, project))
        {
            if (!configs.TryGetValue(referenced, out var theirs))
            {
                continue;
            }

            var other = Rel(root, referenced);
            foreach (var (id, version) in theirs.Versions.Where(p => !theirs.DevelopmentOnly.Contains(p.Key)))
            {
                if (!packages.TryGetValue(id, out var named))
                {
                    if (reported.Add(id))
                    {
                        errors.Add($"{config} does not name {id}, which {other} (referenced by {name}) uses at {version}: {AddLines(id, version)}");
                    }
                }
                else if (named != version)
                {
                    errors.Add($"{config} has {id} {named}, but {other} (referenced by {name}) has {version}: use one version of {id} in both");
                }
            }
        }
    }

    /// <summary>The .nfproj files a project references, directly or through the projects it references (full paths).</summary>
    private static List<string> ReferencedProjects(string nfproj, XDocument project)
    {
        var found = new List<string>();
        var pending = new Stack<(string Path, XDocument Project)>();
        pending.Push((nfproj, project));
        while (pending.Count > 0)
        {
            var (path, document) = pending.Pop();
            foreach (var include in Elements(document, "ProjectReference").Select(e => (string?)e.Attribute("Include")).OfType<string>())
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Slash(include)));
                if (full.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase) && File.Exists(full) && !found.Contains(full) && full != Path.GetFullPath(nfproj))
                {
                    found.Add(full);
                    pending.Push((full, XDocument.Load(full)));
                }
            }
        }

        return found;
    }

    /// <summary>A packages.config: each package's version, and which are development dependencies (they do not flow to referencing projects).</summary>
    private static PackagesConfig ReadPackagesConfig(string path)
    {
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var development = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path))
        {
            foreach (var package in XDocument.Load(path).Root!.Elements("package"))
            {
                var id = (string)package.Attribute("id")!;
                versions[id] = (string)package.Attribute("version")!;
                if (string.Equals((string?)package.Attribute("developmentDependency"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    development.Add(id);
                }
            }
        }

        return new PackagesConfig(versions, development);
    }

    private sealed record PackagesConfig(Dictionary<string, string> Versions, HashSet<string> DevelopmentOnly);
}
