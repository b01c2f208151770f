using System.IO.Compression;
using Xunit;

namespace Packaging.Tests;

/// <summary>
/// The command analyzer (tools/Analyzers) as users get it from the packages tools/pack.sh writes:
/// in analyzers/dotnet/cs of Mikrotik.Nano.Core and Mikrotik.Nano.Host, one copy per consumer, and
/// through Core's build/ targets for packages.config projects (.nfproj). Each consumer's build then
/// fails on issue 13's example with MTN0001 and MTN0003, each reported once.
/// </summary>
[Collection(PackedCollection.Name)]
public class AnalyzerPackageTests
{
    private const string Error = "error MTN0001: Command path 'interface/prnt' must start with '/'";
    private const string Warning = "warning MTN0003: 'prnt' in command path 'interface/prnt' is not a RouterOS verb: did you mean 'print'?";
    private static readonly string[] AnalyzerEntries =
    {
        "analyzers/dotnet/cs/Mikrotik.Nano.Analyzers.dll",
        "analyzers/dotnet/cs/Mikrotik.Nano.Analyzers.CodeFixes.dll",
    };

    private readonly PackedArtifacts _packed;

    public AnalyzerPackageTests(PackedArtifacts packed)
    {
        _packed = packed;
        Assert.True(packed.PackExitCode == 0, "tools/pack.sh failed:\n" + packed.PackOutput);
    }

    [LabFact]
    public void TheCorePackageCarriesTheAnalyzerAndTheTargetsForPackagesConfigProjects()
    {
        var (entries, _) = _packed.Open("Mikrotik.Nano.Core");

        Assert.Subset(entries.ToHashSet(), AnalyzerEntries.ToHashSet());
        using var zip = ZipFile.OpenRead(_packed.Package("Mikrotik.Nano.Core"));
        using var targets = new StreamReader(zip.GetEntry("build/Mikrotik.Nano.Core.targets")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(_packed.Root, "tools/Analyzers/package/Mikrotik.Nano.Analyzers.targets")), targets.ReadToEnd());
    }

    /// <summary>
    /// Host carries the analyzer and does not depend on Core; Device does not carry it and depends on
    /// Core: a copy reached twice would make the compiler report every diagnostic twice.
    /// </summary>
    [LabFact]
    public void EachConsumerGetsOneCopyOfTheAnalyzer()
    {
        var (hostEntries, hostNuspec) = _packed.Open("Mikrotik.Nano.Host");
        var (deviceEntries, deviceNuspec) = _packed.Open("Mikrotik.Nano.Device");

        Assert.Subset(hostEntries.ToHashSet(), AnalyzerEntries.ToHashSet());
        Assert.DoesNotContain(Dependencies(hostNuspec), id => id == "Mikrotik.Nano.Core");
        Assert.DoesNotContain(deviceEntries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) || e.StartsWith("build/", StringComparison.Ordinal));
        Assert.Contains("Mikrotik.Nano.Core", Dependencies(deviceNuspec));
    }

    [Fact(Timeout = 300000)]
    public Task AConsoleAppOnTheHostPackageGetsTheErrorAndTheWarningAtBuildTime() => Task.Run(() =>
    {
        string work = Directory.CreateTempSubdirectory("mtn-analyzer-e2e-").FullName;
        try
        {
            _packed.WriteNuGetConfig(work, Path.Combine(work, "packages"));
            File.WriteAllText(Path.Combine(work, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Mikrotik.Nano.Host" Version="{_packed.Version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(work, "Program.cs"), """
                using Mikrotik.Nano;

                var client = new ApiClient(new ClientOptions());
                CommandHandle handle = client.Send(client.NewCommand().Path("interface/prnt"));
                handle.Dispose();
                """);

            AssertBuildFailsWithTheErrorAndTheWarningOnce(work);
        }
        finally
        {
            Delete(work);
        }
    });

    /// <summary>
    /// A packages.config project gets only what NuGet writes into it on install: HintPath references
    /// into packages/&lt;id&gt;.&lt;version&gt;/lib and the Import of build/&lt;id&gt;.targets. Simulated like a
    /// .nfproj (the nanoFramework mscorlib, no standard library) on the Core package extracted there.
    /// </summary>
    [LabFact(Timeout = 300000)]
    public Task APackagesConfigProjectGetsTheAnalyzerFromTheCorePackage() => Task.Run(() =>
    {
        string work = Directory.CreateTempSubdirectory("mtn-analyzer-packages-config-").FullName;
        try
        {
            string folder = "packages/Mikrotik.Nano.Core." + _packed.Version;
            ZipFile.ExtractToDirectory(_packed.Package("Mikrotik.Nano.Core"), Path.Combine(work, folder));
            string mscorlib = Path.Combine(Lab.Folder, "packages/nanoFramework.CoreLibrary.1.17.11/lib/mscorlib.dll");
            File.WriteAllText(Path.Combine(work, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <NoStdLib>true</NoStdLib>
                    <NoCompilerStandardLib>true</NoCompilerStandardLib>
                    <DisableImplicitFrameworkReferences>true</DisableImplicitFrameworkReferences>
                    <AutomaticallyUseReferenceAssemblyPackages>false</AutomaticallyUseReferenceAssemblyPackages>
                    <LangVersion>9</LangVersion>
                    <GenerateAssemblyInfo>false</GenerateAssemblyInfo>
                    <GenerateTargetFrameworkAttribute>false</GenerateTargetFrameworkAttribute>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="mscorlib"><HintPath>{mscorlib}</HintPath></Reference>
                    <Reference Include="Mikrotik.Nano.Core"><HintPath>{folder}/lib/Mikrotik.Nano.Core.dll</HintPath></Reference>
                  </ItemGroup>
                  <Import Project="{folder}/build/Mikrotik.Nano.Core.targets" Condition="Exists('{folder}/build/Mikrotik.Nano.Core.targets')" />
                  <!-- What the compiler gets, as a warning so the quiet log shows it. -->
                  <Target Name="ShowAnalyzers" AfterTargets="MikrotikNanoAddCommandAnalyzer" BeforeTargets="CoreCompile">
                    <Warning Text="analyzers: @(Analyzer->'%(Filename)%(Extension)')" />
                  </Target>
                </Project>
                """);
            File.WriteAllText(Path.Combine(work, "Watch.cs"), """
                using Mikrotik.Nano;

                public static class Watch
                {
                    public static int Interfaces(ApiConnection connection)
                    {
                        return connection.Send(connection.NewCommand().Path("interface/prnt"));
                    }
                }
                """);

            string log = AssertBuildFailsWithTheErrorAndTheWarningOnce(work);
            Assert.True(Lines(log, "warning : analyzers: Mikrotik.Nano.Analyzers.dll;Mikrotik.Nano.Analyzers.CodeFixes.dll") == 1,
                "the analyzer and its code fixes once each:\n" + log);
        }
        finally
        {
            Delete(work);
        }
    });

    private static string AssertBuildFailsWithTheErrorAndTheWarningOnce(string folder)
    {
        // The file logger writes each diagnostic once (the console repeats them in its summary).
        var (exit, console) = Tool.Run("dotnet", folder, TimeSpan.FromMinutes(4),
            "build", "-nologo", "-v:q", "-fl", "-flp:logfile=build.log;verbosity=quiet;NoSummary");
        string log = File.Exists(Path.Combine(folder, "build.log")) ? File.ReadAllText(Path.Combine(folder, "build.log")) : string.Empty;

        Assert.True(exit != 0, "the build must fail on MTN0001:\n" + console);
        Assert.True(Lines(log, Error) == 1, "MTN0001 once:\n" + log);
        Assert.True(Lines(log, Warning) == 1, "MTN0003 once:\n" + log);
        return log;
    }

    private static int Lines(string log, string text) => log.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    private static IEnumerable<string> Dependencies(System.Xml.Linq.XElement nuspec) =>
        nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(d => (string)d.Attribute("id")!);

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
