using System.IO.Compression;
using Mikrotik.Nano.Analyzers.Tests.Support;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>
/// The analyzer as users get it: inside the packages of artifacts/ (analyzers/dotnet/cs), and
/// turned on in a plain console app that references the host package — whose build then fails with
/// the example. Skipped until bash tools/pack.sh has written the packages.
/// </summary>
public class PackageEndToEndTests
{
    private const string AnalyzerEntry = "analyzers/dotnet/cs/Mikrotik.Nano.Analyzers.dll";

    [PackageFact("Mikrotik.Nano.Core")]
    public void The_core_package_carries_the_analyzer() => AssertCarriesAnalyzer("Mikrotik.Nano.Core");

    /// <summary>
    /// The host package brings the analyzer exactly once: in its own analyzers/ folder, or through its
    /// dependency on Mikrotik.Nano.Core — not both, or the compiler loads it twice and every
    /// diagnostic is reported twice.
    /// </summary>
    [PackageFact("Mikrotik.Nano.Host")]
    public void The_host_package_brings_the_analyzer_once()
    {
        using ZipArchive zip = ZipFile.OpenRead(Artifacts.Package("Mikrotik.Nano.Host")!);
        bool carries = zip.Entries.Any(e => e.FullName.Replace('\\', '/') == AnalyzerEntry);
        ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var reader = new StreamReader(nuspec.Open());
        bool dependsOnCore = reader.ReadToEnd().Contains("id=\"Mikrotik.Nano.Core\"", StringComparison.OrdinalIgnoreCase);
        Assert.True(carries != dependsOnCore,
            carries ? "the host package carries the analyzer and depends on Mikrotik.Nano.Core, which carries it too: it would run twice"
                    : "the host package neither carries the analyzer nor depends on Mikrotik.Nano.Core");
    }

    [PackageFact("Mikrotik.Nano.Host")]
    public void A_console_app_referencing_the_host_package_gets_the_error_and_the_warning_at_build_time()
    {
        string package = Artifacts.Package("Mikrotik.Nano.Host")!;
        string work = Directory.CreateTempSubdirectory("mtn-analyzer-e2e-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="artifacts" value="{Path.Combine(Artifacts.Root, "artifacts")}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(work, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <!-- A folder of its own, so the package just packed is the one extracted. -->
                    <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Mikrotik.Nano.Host" Version="{Artifacts.Version("Mikrotik.Nano.Host", package)}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(work, "Program.cs"), """
                using Mikrotik.Nano;

                var client = new ApiClient(new ClientOptions());
                CommandHandle handle = client.Send(client.NewCommand().Path("interface/prnt"));
                handle.Dispose();
                """);

            (int exit, string console, string output) = DotnetCli.Build(work);

            Assert.True(exit != 0, "the build must fail on MTN0001\n" + console);
            // Once each: a package that depends on another carrying the analyzer must not load it twice.
            Assert.Single(DotnetCli.Lines(output, "error MTN0001: Command path 'interface/prnt' must start with '/'"));
            Assert.Single(DotnetCli.Lines(output, "warning MTN0003: 'prnt' in command path 'interface/prnt' is not a RouterOS verb: did you mean 'print'?"));
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    private static void AssertCarriesAnalyzer(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(Artifacts.Package(id)!);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
        Assert.Contains(AnalyzerEntry, entries);
    }
}
