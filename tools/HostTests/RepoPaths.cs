using System.Reflection;

namespace Mikrotik.Nano.HostTests;

/// <summary>Where the repository and the build outputs the checks inspect are.</summary>
internal static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds nano.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration this project was built in; the inspected projects are built in the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>nanoFramework's real mscorlib (nanoFramework.CoreLibrary 1.17.11, restored by the host build).</summary>
    public static string NanoMscorlib { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");

    /// <summary>
    /// The compiled DLL of a host project (any target framework folder), or null when it is not built.
    /// </summary>
    public static string? BuildOutput(string projectDirectory, string assemblyName)
    {
        var bin = Path.Combine(Root, projectDirectory, "bin", Configuration);
        if (!Directory.Exists(bin))
        {
            return null;
        }

        return Directory.GetFiles(bin, assemblyName + ".dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

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

    /// <summary>The files git tracks, copied to a new temporary folder (no build output); the caller deletes it.</summary>
    public static string CopyTrackedFiles()
    {
        var target = Directory.CreateTempSubdirectory("mikrotik-nano-tree-").FullName;
        var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
        })!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException("git ls-files failed in " + Root);
        }

        foreach (var file in files)
        {
            var source = Path.Combine(Root, file);
            if (File.Exists(source))
            {
                var destination = Path.Combine(target, file);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(source, destination);
            }
        }

        return target;
    }
}
