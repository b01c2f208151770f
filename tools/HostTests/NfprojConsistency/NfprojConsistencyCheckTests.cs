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

    private readonly string _root = Directory.CreateTempSubdirectory("nfproj-check-").FullName;

    public NfprojConsistencyCheckTests()
    {
        Write("nano.sln", Solution);
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
        Write("Lib/packages.config", PackagesConfig.Replace("</packages>", "  <package id=\"nanoFramework.System.Net\" version=\"1.11.1\" targetFramework=\"netnano1.0\" />\n</packages>"));

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root));
        Assert.StartsWith("Lib/packages.config lists nanoFramework.System.Net 1.11.1, but no HintPath in Lib/Lib.nfproj uses it: remove `<package id=\"nanoFramework.System.Net\"", error);
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

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
