using System.Text.RegularExpressions;
using Xunit;

namespace Mikrotik.Nano.HostTests.DeviceBuild;

/// <summary>
/// Every .nfproj compiles as the device build compiles it (<see cref="DeviceBuildCheck"/>), and the
/// check fails on what would fail there: a call the package lacks, a package the project does not
/// reference, nanoFramework's own traps.
/// </summary>
public sealed class DeviceBuildTests : IDisposable
{
    private static readonly string Stubs = Path.Combine(RepoPaths.Root, PackageStubs.Folder);

    // One check of the repository for all its projects: each is compiled once, however many
    // projects reference it (the test cases of a class run one after another).
    private static readonly Lazy<DeviceBuildCheck> Repository = new(() => new DeviceBuildCheck(RepoPaths.Root, Stubs));

    private readonly string _tree = Directory.CreateTempSubdirectory("device-build-").FullName;

    public void Dispose() => Directory.Delete(_tree, recursive: true);

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        var solution = File.ReadAllText(Path.Combine(RepoPaths.Root, "nano.sln"));
        foreach (Match project in Regex.Matches(solution, @"""([^""]+\.nfproj)"""))
        {
            data.Add(project.Groups[1].Value.Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void TheProjectCompilesAsTheDeviceBuildDoes(string nfproj)
    {
        var errors = Repository.Value.Compile(nfproj);

        Assert.True(errors.Count == 0, nfproj + " does not compile for the device:\n  " + string.Join("\n  ", errors));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void WhatItCompilesPassesTheDeviceCompatibilityCheck(string nfproj)
    {
        // The host builds leave Platform/ out of DeviceCompatibility's inspection; this build has it.
        var violations = CompatibilityViolations(Repository.Value, nfproj);

        Assert.True(violations.Count == 0, nfproj + " uses what nanoFramework cannot run:\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public void AGenericInPlatformIsCaughtByTheCompatibilityCheckOfThisBuild()
    {
        WriteLib("T Same<T>(T x) => x; Same(socket).Close();", NetReferences);

        var violations = CompatibilityViolations(new DeviceBuildCheck(_tree, Stubs), "Lib/Lib.nfproj");

        Assert.Contains(violations, v => v.Contains("generic method", StringComparison.Ordinal));
    }

    [Fact]
    public void ACallThePackageLacksIsReportedWithItsFileAndLine()
    {
        WriteLib("socket.SetReceiveTimeout(1000);", NetReferences);

        var error = Assert.Single(Check());
        Assert.StartsWith("Lib/Platform/Radio.cs(9,20): CS1061 'Socket' does not contain a definition for 'SetReceiveTimeout'", error);
    }

    [Fact]
    public void AFailedProjectFailsAgainWhenReachedAgain()
    {
        // One check serves many projects: a failure it has cached must not turn into a pass.
        WriteLib("socket.SetReceiveTimeout(1000);", NetReferences);
        Write("App/App.nfproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><OutputType>Library</OutputType><AssemblyName>App</AssemblyName></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\Lib\Lib.nfproj" /></ItemGroup>
            </Project>
            """);
        var check = new DeviceBuildCheck(_tree, Stubs);

        var first = check.Compile("Lib/Lib.nfproj");

        Assert.Single(first);
        Assert.Equal(first, check.Compile("Lib/Lib.nfproj"));
        Assert.Equal(first, check.Compile("App/App.nfproj"));
    }

    [Fact]
    public void DisposingASocketDirectlyIsReported()
    {
        // nanoFramework's Socket implements IDisposable explicitly: Close() (or using) is the way.
        WriteLib("socket.Dispose();", NetReferences);

        Assert.Contains("CS1061 'Socket' does not contain a definition for 'Dispose'", Assert.Single(Check()));
    }

    [Fact]
    public void APackageTheProjectDoesNotReferenceIsReported()
    {
        WriteLib("socket.Close();", "");

        Assert.Contains(Check(), e => e.StartsWith("Lib/Platform/Radio.cs(1,14): CS0234 The type or namespace name 'Net' does not exist in the namespace 'System'", StringComparison.Ordinal));
    }

    [Fact]
    public void ABaseTypeFromAnUnreferencedDependencyIsReported()
    {
        // SslStream derives from Stream, which is System.IO.Streams': System.Net alone is not enough.
        WriteLib("new System.Net.Security.SslStream(socket).Flush();", NetReferences.Replace(StreamsReference, ""));

        Assert.Contains(Check(), e => e.Contains("CS0012 The type 'Stream' is defined in an assembly that is not referenced", StringComparison.Ordinal));
    }

    [Fact]
    public void TheWatchdogWithoutTheSntpPackageFails()
    {
        // What the tree had before this check existed: Platform/WifiNetwork uses Sntp, a package of its own.
        var copy = RepoPaths.CopyTrackedFiles();
        try
        {
            var nfproj = Path.Combine(copy, "samples/Esp32Watchdog/Esp32Watchdog.nfproj");
            File.WriteAllText(nfproj, Regex.Replace(File.ReadAllText(nfproj),
                @"\s*<Reference Include=""nanoFramework.Networking.Sntp"">.*?</Reference>", "", RegexOptions.Singleline));

            var errors = new DeviceBuildCheck(copy, Stubs).Compile("samples/Esp32Watchdog/Esp32Watchdog.nfproj");

            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Matches(@"^samples/Esp32Watchdog/Platform/WifiNetwork\.cs\(\d+,\d+\): CS0103 The name 'Sntp' does not exist", e));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private const string StreamsReference = """
            <Reference Include="System.IO.Streams"><HintPath>..\packages\nanoFramework.System.IO.Streams.1.1.96\lib\System.IO.Streams.dll</HintPath></Reference>
        """;

    private const string NetReferences = """
            <Reference Include="System.Net"><HintPath>..\packages\nanoFramework.System.Net.1.11.47\lib\System.Net.dll</HintPath></Reference>
        """ + StreamsReference;

    /// <summary>Compiles a project (no errors allowed) and runs the device compatibility check on what it made.</summary>
    private IReadOnlyList<string> CompatibilityViolations(DeviceBuildCheck check, string nfproj)
    {
        Assert.Empty(check.Compile(nfproj));
        var path = Path.Combine(_tree, "compiled-" + Path.GetFileNameWithoutExtension(nfproj) + ".dll");
        File.WriteAllBytes(path, check.Image(nfproj)!);

        // Its references are the ones its .nfproj names: the compile allowed no others.
        string[] references;
        using (var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path)))
        {
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToArray();
        }

        return DeviceCompatibility.DeviceCompatibilityCheck.Check(path, references);
    }

    private IReadOnlyList<string> Check() => new DeviceBuildCheck(_tree, Stubs).Compile("Lib/Lib.nfproj");

    /// <summary>A tree with the real package data and Lib/Lib.nfproj compiling Platform/Radio.cs, whose one statement is given.</summary>
    private void WriteLib(string statement, string references)
    {
        Write("tools/build/PackageDependencies.xml", File.ReadAllText(Path.Combine(RepoPaths.Root, "tools/build/PackageDependencies.xml")));
        Write("Lib/Lib.nfproj", $$"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup>
                <OutputType>Library</OutputType>
                <AssemblyName>Lib</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Platform\Radio.cs" />
              </ItemGroup>
              <ItemGroup>
                <Reference Include="mscorlib"><HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath></Reference>
            {{references}}  </ItemGroup>
            </Project>
            """);
        Write("Lib/Platform/Radio.cs", $$"""
            using System.Net.Sockets;

            namespace Lib
            {
                internal static class Radio
                {
                    internal static void Use(Socket socket)
                    {
                        {{statement}}
                    }
                }
            }
            """);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_tree, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
