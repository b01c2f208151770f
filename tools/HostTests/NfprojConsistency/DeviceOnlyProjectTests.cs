using Xunit;

namespace Mikrotik.Nano.HostTests.NfprojConsistency;

/// <summary>
/// The documented exception of the consistency check: a project listed as device-only needs no host
/// project (and must not have one); any other project still does.
/// </summary>
public sealed class DeviceOnlyProjectTests : IDisposable
{
    private const string Nfproj = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>
            <ProjectGuid>{7A0E3A51-0C57-4E8A-9B5B-6A3C2B1D0E9F}</ProjectGuid>
            <OutputType>Exe</OutputType>
          </PropertyGroup>
          <ItemGroup>
            <Compile Include="Program.cs" />
          </ItemGroup>
        </Project>
        """;

    private const string Solution = """
        Microsoft Visual Studio Solution File, Format Version 12.00
        Project("{11A8DD76-328B-46DF-9F39-F559912D0360}") = "Bench", "Bench\Bench.nfproj", "{7A0E3A51-0C57-4E8A-9B5B-6A3C2B1D0E9F}"
        EndProject
        """;

    private static readonly string[] DeviceOnly = ["Bench/Bench.nfproj"];

    private readonly string _root = Directory.CreateTempSubdirectory("nfproj-device-only-").FullName;

    public DeviceOnlyProjectTests()
    {
        Write("nano.sln", Solution);
        Write("tools/build/PackageDependencies.xml", "<packages />");
        Write("Bench/Bench.nfproj", Nfproj);
        Write("Bench/Program.cs", "namespace Bench { internal static class Program { } }");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void DeviceOnlyProjectNeedsNoHostProject()
    {
        Assert.Empty(NfprojConsistencyCheck.Check(_root, DeviceOnly));
    }

    [Fact]
    public void OtherProjectWithoutHostProjectIsReported()
    {
        var error = Assert.Single(NfprojConsistencyCheck.Check(_root, []));
        Assert.StartsWith("Bench/Bench.nfproj has no host project beside it: add Bench/Bench.csproj", error);
    }

    [Fact]
    public void DeviceOnlyProjectWithHostProjectIsReported()
    {
        Write("Bench/Bench.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup></Project>");

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root, DeviceOnly));
        Assert.StartsWith("Bench/Bench.nfproj is listed as device-only (NfprojConsistencyCheck.DeviceOnlyProjects) but has a host project beside it (Bench/Bench.csproj)", error);
    }

    [Fact]
    public void DeviceOnlyProjectStillHasItsFileListChecked()
    {
        Write("Bench/Extra.cs", "namespace Bench { internal static class Extra { } }");

        var error = Assert.Single(NfprojConsistencyCheck.Check(_root, DeviceOnly));
        Assert.Equal("Bench/Extra.cs is not in the device build: add `<Compile Include=\"Extra.cs\" />` to Bench/Bench.nfproj", error);
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
