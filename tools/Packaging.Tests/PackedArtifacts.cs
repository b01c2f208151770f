using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Packaging.Tests;

/// <summary>
/// Runs <c>bash tools/pack.sh --output TEMP</c> once for the test collection (<see cref="PackedCollection"/>);
/// the packages stay until it is disposed. Without a lab it packs the host packages only, saying why in
/// one line (<see cref="NoMetadataProcessorLine"/>).
/// </summary>
public sealed class PackedArtifacts : IDisposable
{
    public PackedArtifacts()
    {
        Root = Repository.Root;
        Directory = Path.Combine(Path.GetTempPath(), "mikrotik-nano-pack-" + Guid.NewGuid().ToString("N"));
        Version = Regex.Match(File.ReadAllText(Path.Combine(Root, "tools/build/Version.props")),
            "<MikrotikNanoVersion>([^<]+)</MikrotikNanoVersion>").Groups[1].Value;
        (PackExitCode, PackOutput) = Tool.Run("bash", Root, TimeSpan.FromMinutes(10), "tools/pack.sh", "--output", Directory);
    }

    /// <summary>How tools/pack.sh says it did not build the nanoFramework packages.</summary>
    public const string NoMetadataProcessorLine = "pack: Mikrotik.Nano.Core, Mikrotik.Nano.Device and Mikrotik.Nano.Testing not built: their .pe files need nanoFramework's metadata processor";

    public string Root { get; }

    public string Directory { get; }

    public string Version { get; }

    public int PackExitCode { get; }

    public string PackOutput { get; }

    public string Package(string id) => Path.Combine(Directory, id + "." + Version + ".nupkg");

    /// <summary>The entries of a package (forward slashes), and its .nuspec.</summary>
    public (List<string> Entries, XElement Nuspec) Open(string id)
    {
        using var zip = ZipFile.OpenRead(Package(id));
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        using var nuspec = zip.GetEntry(id + ".nuspec")!.Open();
        return (entries, XElement.Load(nuspec));
    }

    /// <summary>Writes a nuget.config into <paramref name="folder"/>: these packages from the pack folder (only Mikrotik.Nano.*), the rest from nuget.org, extracted into <paramref name="packagesFolder"/>.</summary>
    public void WriteNuGetConfig(string folder, string packagesFolder) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Directory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Mikrotik.Nano.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Runs a command with a time limit, capturing stdout and stderr together.</summary>
internal static class Tool
{
    public static (int ExitCode, string Output) Run(string file, string directory, TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A dotnet started from a test host must not inherit the host's MSBuild and test settings.
        foreach (string name in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) return (-1, output + $"\n(killed after {limit.TotalSeconds} s)");
        }

        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
