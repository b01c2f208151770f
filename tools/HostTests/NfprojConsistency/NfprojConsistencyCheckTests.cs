using Xunit;

namespace Mikrotik.Nano.HostTests.NfprojConsistency;

/// <summary>
/// The consistency check on a minimal repository written to a temporary folder: clean as written, then
/// with one planted mistake per test, each reported with the line that fixes it.
/// </summary>
public sealed class NfprojConsistencyCheckTests : IDisposable
{
    private const string Nfproj = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>
            <ProjectGuid>{5D0E3A51-0C57-4E8A-9B5B-6A3C2B1D0E9F}</ProjectGuid>
            <AssemblyName>Lib</AssemblyName>
          </PropertyGroup>
          <ItemGroup>
            <Compile Include="Codec.cs" />
            <Compile Include="Platform\Radio.cs" />
          </ItemGroup>
          <ItemGroup>
            <Reference Include="mscorlib">
              <HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath>
            </Reference>
          </ItemGroup>
        </Project>
        """;

    private const string HostProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <Compile Remove="Platform/**" />
          </ItemGroup>
        </Project>
        """;

    private const string PackagesConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <packages>
          <package id="nanoFramework.CoreLibrary" version="1.17.11" targetFramework="netnano1.0" />
        </packages>
        """;

    private const string Solution = """
        Microsoft Visual Studio Solution File, Format Version 12.00
        Project("{11A8DD76-328B-46DF-9F39-F559912D0360}") = "Lib", "Lib\Lib.nfproj", "{5D0E3A51-0C57-4E8A-9B5B-6A3C2B1D0E9F}"
        EndProject
        """;

    /// <summary>A small tools/build/PackageDependencies.xml: System.Net needs System.Threading 1.1.52 or higher.</summary>
    private const string Dependencies = """
        <?xml version="1.0" encoding="utf-8"?>
        <packages>
          <package id="nanoFramework.CoreLibrary" version="1.17.10"><lib file="mscorlib.dll" /></package>
          <package id="nanoFramework.CoreLibrary" version="1.17.11"><lib file="mscorlib.dll" /></package>
          <package id="nanoFramework.System.Threading" version="1.1.50"><lib file="System.Threading.dll" /></package>
          <package id="nanoFramework.System.Threading" version="1.1.52"><lib file="System.Threading.dll" /></package>
          <package id="nanoFramework.System.Net" version="1.11.47">
            <lib file="System.Net.dll" />
            <dependency id="nanoFramework.CoreLibrary" version="1.17.11" />
            <dependency id="nanoFramework.System.Threading" version="1.1.52" />
          </package>
        </packages>
        """;

    private const string NetReference = """
            <Reference Include="System.Net">
              <HintPath>..\packages\nanoFramework.System.Net.1.11.47\lib\System.Net.dll</HintPath>
            </Reference>
        """;

    private const string ThreadingReference = """
            <Reference Include="System.Threading">
              <HintPath>..\packages\nanoFramework.System.Threading.1.1.52\lib\System.Threading.dll</HintPath>
            </Reference>
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("nfproj-check-").FullName;

    public NfprojConsistencyCheckTests()
    {
        Write("nano.sln", Solution);
        Write("tools/build/PackageDependencies.xml", Dependencies);
        Write("Lib/Lib.nfproj", Nfproj);
        Write("Lib/Lib.csproj", HostProject);
        Write("Lib/packages.config", PackagesConfig);
        Write("Lib/Codec.cs", "namespace Lib { internal static class Codec { } }");
        Write("Lib/Platform/Radio.cs", "namespace Lib { internal static class Radio { } }");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ConsistentTreePasses()
    {
        Assert.Empty(NfprojConsistencyCheck.Check(_root));
    }

    [Fact]
    public void SourceMissingFromNfprojIsReported()
    {
        Write("Lib/Words/Decoder.cs", "namespace Lib { internal static class Decoder { } }");

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.Equal("Lib/Words/Decoder.cs is not in the device build: add `<Compile Include=\"Words\\Decoder.cs\" />` to Lib/Lib.nfproj", error);
    }

    [Fact]
    public void ListedFileThatDoesNotExistIsReported()
    {
        File.Delete(Path.Combine(_root, "Lib/Codec.cs"));

        var errors = NfprojConsistencyCheck.Check(_root);
        Assert.Contains("Lib/Lib.nfproj lists Codec.cs, which does not exist: remove `<Compile Include=\"Codec.cs\" />` from Lib/Lib.nfproj", errors);
    }

    [Fact]
    public void PackageVersionMismatchIsReported()
    {
        Write("Lib/packages.config", PackagesConfig.Replace("1.17.11", "1.17.10"));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.StartsWith("Lib/Lib.nfproj has HintPath ..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll, but Lib/packages.config has nanoFramework.CoreLibrary 1.17.10: change that HintPath to `..\\packages\\nanoFramework.CoreLibrary.1.17.10\\lib\\mscorlib.dll`", error);
    }

    [Fact]
    public void NuspecDependencyOutOfStepIsReported()
    {
        Write("Lib/Lib.nuspec", "<package><metadata><dependencies><dependency id=\"nanoFramework.CoreLibrary\" version=\"[1.17.10]\" /></dependencies></metadata></package>");

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.Equal("Lib/Lib.nuspec depends on nanoFramework.CoreLibrary [1.17.10], but Lib/packages.config has 1.17.11: use the exact version `[1.17.11]`", error);
    }

    [Fact]
    public void PackageWithoutHintPathIsReported()
    {
        Write("Lib/packages.config", PackagesConfig.Replace("</packages>", "  <package id=\"nanoFramework.System.Threading\" version=\"1.1.52\" targetFramework=\"netnano1.0\" />\n</packages>"));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.StartsWith("Lib/packages.config lists nanoFramework.System.Threading 1.1.52, but no HintPath in Lib/Lib.nfproj uses it: remove `<package id=\"nanoFramework.System.Threading\"", error);
    }

    [Fact]
    public void HostBuildCompilingDeviceOnlyFileIsReported()
    {
        Write("Lib/Lib.csproj", HostProject.Replace("<Compile Remove=\"Platform/**\" />", string.Empty));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.Equal("Lib/Lib.csproj compiles Platform/Radio.cs, a device-only file: add `<Compile Remove=\"Platform/**\" />` to Lib/Lib.csproj", error);
    }

    [Fact]
    public void ProjectMissingFromSolutionIsReported()
    {
        Write("nano.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n");

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.Equal("nano.sln does not list Lib/Lib.nfproj: add the line `Project(\"{11A8DD76-328B-46DF-9F39-F559912D0360}\") = \"Lib\", \"Lib\\Lib.nfproj\", \"{5D0E3A51-0C57-4E8A-9B5B-6A3C2B1D0E9F}\"` followed by `EndProject`", error);
    }

    [Fact]
    public void ProjectUnderWrongTypeIsReported()
    {
        Write("nano.sln", Solution.Replace("11A8DD76-328B-46DF-9F39-F559912D0360", "FAE04EC0-301F-11D3-BF4B-00C04F79EFBC"));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.StartsWith("nano.sln lists Lib/Lib.nfproj with project type {FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", error);
    }

    [Fact]
    public void IncompleteClosureIsReported()
    {
        // System.Net without System.Threading, which its .nuspec depends on: what issue 21 found in Device.
        UsePackages(("nanoFramework.System.Net", "1.11.47", NetReference));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.Equal("Lib/packages.config does not name nanoFramework.System.Threading, which nanoFramework.System.Net 1.11.47 depends on (1.1.52 or higher; NuGet would have installed it): add `<package id=\"nanoFramework.System.Threading\" version=\"1.1.52\" targetFramework=\"netnano1.0\" />` to Lib/packages.config and `<Reference Include=\"System.Threading\"><HintPath>..\\packages\\nanoFramework.System.Threading.1.1.52\\lib\\System.Threading.dll</HintPath></Reference>` to Lib/Lib.nfproj", error);
    }

    [Fact]
    public void CompleteClosurePasses()
    {
        UsePackages(("nanoFramework.System.Net", "1.11.47", NetReference), ("nanoFramework.System.Threading", "1.1.52", ThreadingReference));

        Assert.Empty(NfprojConsistencyCheck.Check(_root));
    }

    [Fact]
    public void DependencyBelowTheVersionAPackageNeedsIsReported()
    {
        UsePackages(("nanoFramework.System.Net", "1.11.47", NetReference), ("nanoFramework.System.Threading", "1.1.50", ThreadingReference.Replace("1.1.52", "1.1.50")));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.StartsWith("Lib/packages.config has nanoFramework.System.Threading 1.1.50, but nanoFramework.System.Net 1.11.47 depends on nanoFramework.System.Threading 1.1.52 or higher", error);
    }

    [Fact]
    public void PackageWithoutDependencyDataIsReported()
    {
        UsePackages(("nanoFramework.System.Net", "1.11.54", NetReference.Replace("1.11.47", "1.11.54")));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.StartsWith("Lib/packages.config uses nanoFramework.System.Net 1.11.54, which tools/build/PackageDependencies.xml does not list: add its <package>", error);
    }

    [Fact]
    public void ProjectReferencingALibraryWithoutItsPackagesIsReported()
    {
        UsePackages(("nanoFramework.System.Net", "1.11.47", NetReference), ("nanoFramework.System.Threading", "1.1.52", ThreadingReference));
        AddAppReferencingLib(PackagesConfig);

        var errors = NfprojConsistencyCheck.Check(_root, ["App/App.nfproj"]);
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("App/packages.config does not name nanoFramework.System.Net, which Lib/Lib.nfproj (referenced by App/App.nfproj) uses at 1.11.47: add", errors[0]);
        Assert.StartsWith("App/packages.config does not name nanoFramework.System.Threading, which Lib/Lib.nfproj (referenced by App/App.nfproj) uses at 1.1.52: add", errors[1]);
    }

    [Fact]
    public void ProjectReferencingALibraryAtAnotherVersionIsReported()
    {
        UsePackages(("nanoFramework.System.Net", "1.11.47", NetReference), ("nanoFramework.System.Threading", "1.1.52", ThreadingReference));
        AddAppReferencingLib(
            PackagesConfig.Replace("</packages>", """
                  <package id="nanoFramework.System.Net" version="1.11.47" targetFramework="netnano1.0" />
                  <package id="nanoFramework.System.Threading" version="1.1.50" targetFramework="netnano1.0" />
                </packages>
                """),
            NetReference + ThreadingReference.Replace("1.1.52", "1.1.50"));

        var errors = NfprojConsistencyCheck.Check(_root, ["App/App.nfproj"]);
        Assert.Contains("App/packages.config has nanoFramework.System.Threading 1.1.50, but Lib/Lib.nfproj (referenced by App/App.nfproj) has 1.1.52: use one version of nanoFramework.System.Threading in both", errors);
    }

    /// <summary>Lib's packages.config and HintPaths: CoreLibrary plus these packages.</summary>
    private void UsePackages(params (string Id, string Version, string Reference)[] packages)
    {
        Write("Lib/packages.config", PackagesConfig.Replace("</packages>",
            string.Concat(packages.Select(p => $"  <package id=\"{p.Id}\" version=\"{p.Version}\" targetFramework=\"netnano1.0\" />\n")) + "</packages>"));
        Write("Lib/Lib.nfproj", Nfproj.Replace("    </Reference>\n  </ItemGroup>", "    </Reference>\n" + string.Concat(packages.Select(p => p.Reference)) + "  </ItemGroup>"));
    }

    /// <summary>A device-only App/App.nfproj with a ProjectReference to Lib, these packages and references.</summary>
    private void AddAppReferencingLib(string packagesConfig, string references = "")
    {
        Write("App/App.nfproj", $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup>
                <ProjectGuid>{7A1C9E0B-3D2F-4B6A-8E5D-1F0C2B3A4D5E}</ProjectGuid>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="mscorlib">
                  <HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath>
                </Reference>
            {{references}}  </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="..\Lib\Lib.nfproj" />
              </ItemGroup>
            </Project>
            """);
        Write("App/packages.config", packagesConfig);
        Write("nano.sln", Solution + "\n" + """
            Project("{11A8DD76-328B-46DF-9F39-F559912D0360}") = "App", "App\App.nfproj", "{7A1C9E0B-3D2F-4B6A-8E5D-1F0C2B3A4D5E}"
            EndProject
            """);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
