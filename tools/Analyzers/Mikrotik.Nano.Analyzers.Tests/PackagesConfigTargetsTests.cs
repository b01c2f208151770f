using Mikrotik.Nano.Analyzers.Tests.Support;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>
/// tools/Analyzers/package/Mikrotik.Nano.Analyzers.targets, packed as build/Mikrotik.Nano.Core.targets:
/// a packages.config project (a .nfproj) gets no analyzers from NuGet's assets, only the Import of
/// this file, which must then add the analyzer — and add nothing when the analyzer is already there
/// (a PackageReference project, which gets both).
/// Simulated with a project compiled like a .nfproj (nano mscorlib, HintPath references to the
/// package's lib/) that imports the file from a package folder laid out as NuGet extracts it.
/// </summary>
public class PackagesConfigTargetsTests
{
    private static string LayOutPackage(string work)
    {
        string package = Path.Combine(work, "packages", "Mikrotik.Nano.Core.0.0.0");
        Directory.CreateDirectory(Path.Combine(package, "build"));
        Directory.CreateDirectory(Path.Combine(package, "analyzers", "dotnet", "cs"));
        Directory.CreateDirectory(Path.Combine(package, "lib"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "package", "Mikrotik.Nano.Analyzers.targets"), Path.Combine(package, "build", "Mikrotik.Nano.Core.targets"));
        File.Copy(typeof(CommandArgumentAnalyzer).Assembly.Location, Path.Combine(package, "analyzers", "dotnet", "cs", "Mikrotik.Nano.Analyzers.dll"));
        File.Copy(typeof(CommandBuffer).Assembly.Location, Path.Combine(package, "lib", "Mikrotik.Nano.Core.dll"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "refs", "mscorlib.dll"), Path.Combine(package, "lib", "mscorlib.dll"));
        return package;
    }

    private static (int Exit, string Console, string Log) BuildApp(bool analyzerAlreadyReferenced)
    {
        string work = Directory.CreateTempSubdirectory("mtn-packages-config-").FullName;
        try
        {
            string package = LayOutPackage(work);
            // Already there from another folder (as NuGet's assets would be): a second copy would run twice.
            string elsewhere = Path.Combine(work, "elsewhere", "Mikrotik.Nano.Analyzers.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
            File.Copy(typeof(CommandArgumentAnalyzer).Assembly.Location, elsewhere);
            string alreadyThere = analyzerAlreadyReferenced
                ? $"<ItemGroup><Analyzer Include=\"{elsewhere}\" /></ItemGroup>"
                : string.Empty;
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
                    <Reference Include="mscorlib"><HintPath>packages/Mikrotik.Nano.Core.0.0.0/lib/mscorlib.dll</HintPath></Reference>
                    <Reference Include="Mikrotik.Nano.Core"><HintPath>packages/Mikrotik.Nano.Core.0.0.0/lib/Mikrotik.Nano.Core.dll</HintPath></Reference>
                  </ItemGroup>
                  {alreadyThere}
                  <!-- What NuGet writes into a packages.config project on install. -->
                  <Import Project="packages/Mikrotik.Nano.Core.0.0.0/build/Mikrotik.Nano.Core.targets" Condition="Exists('packages/Mikrotik.Nano.Core.0.0.0/build/Mikrotik.Nano.Core.targets')" />
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
            return DotnetCli.Build(work);
        }
        finally
        {
            Directory.Delete(work, true);
        }
    }

    [Fact]
    public void A_packages_config_project_gets_the_analyzer_from_the_imported_targets()
    {
        (int exit, string console, string log) = BuildApp(analyzerAlreadyReferenced: false);
        Assert.True(exit != 0, "the build must fail on MTN0001\n" + console);
        Assert.Single(DotnetCli.Lines(log, "error MTN0001: Command path 'interface/prnt' must start with '/'"));
        Assert.Single(DotnetCli.Lines(log, "warning MTN0003:"));
    }

    [Fact]
    public void The_targets_add_nothing_when_the_analyzer_is_already_referenced()
    {
        (int exit, string console, string log) = BuildApp(analyzerAlreadyReferenced: true);
        Assert.True(exit != 0, "the build must fail on MTN0001\n" + console);
        Assert.Single(DotnetCli.Lines(log, "error MTN0001:"));
        Assert.Single(DotnetCli.Lines(log, "warning MTN0003:"));
    }
}
