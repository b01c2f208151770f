using System.Xml.Linq;
using RouterSim;
using Xunit;

namespace Packaging.Tests;

/// <summary>
/// What <c>bash tools/pack.sh</c> writes, and that a plain .NET console app can use the host package
/// from that folder as a local feed.
/// </summary>
[Collection(PackedCollection.Name)]
public class PackageTests
{
    private readonly PackedArtifacts _packed;

    public PackageTests(PackedArtifacts packed)
    {
        _packed = packed;
        Assert.True(packed.PackExitCode == 0, "tools/pack.sh failed:\n" + packed.PackOutput);
    }

    [LabTheory]
    [InlineData("Mikrotik.Nano.Core")]
    [InlineData("Mikrotik.Nano.Device")]
    [InlineData("Mikrotik.Nano.Testing")]
    public void TheNanoFrameworkPackagesHaveTheFlatLibLayoutAndExactDependencies(string id)
    {
        var (entries, nuspec) = _packed.Open(id);

        foreach (string extension in new[] { ".dll", ".pdb", ".pdbx", ".pe", ".xml" })
        {
            Assert.Contains("lib/" + id + extension, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Count(c => c == '/') > 1);
        Assert.Equal(_packed.Version, Element(nuspec, "version").Value);

        // Exactly the packages.config of the project, at exact versions (plus Core for Device, Device for Testing).
        var expected = XDocument.Load(Path.Combine(_packed.Root, id, "packages.config")).Root!.Elements("package")
            .ToDictionary(p => (string)p.Attribute("id")!, p => "[" + (string)p.Attribute("version")! + "]");
        if (id == "Mikrotik.Nano.Device")
        {
            expected["Mikrotik.Nano.Core"] = "[" + _packed.Version + "]";
        }
        else if (id == "Mikrotik.Nano.Testing")
        {
            expected["Mikrotik.Nano.Device"] = "[" + _packed.Version + "]";
        }

        var declared = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(d => (string)d.Attribute("id")!, d => (string)d.Attribute("version")!);
        Assert.Equal(expected.OrderBy(p => p.Key), declared.OrderBy(p => p.Key));
    }

    [LabFact]
    public void ThePeFilesComeFromTheMetadataProcessor()
    {
        foreach (string id in new[] { "Mikrotik.Nano.Core", "Mikrotik.Nano.Device", "Mikrotik.Nano.Testing" })
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(_packed.Package(id));
            using var pe = zip.GetEntry("lib/" + id + ".pe")!.Open();
            var header = new byte[8];
            pe.ReadExactly(header);

            // A nanoFramework assembly starts with the marker "NFMRK1" (the MDP's output), not "MZ".
            Assert.Equal("NFMRK1", System.Text.Encoding.ASCII.GetString(header, 0, 6));
        }
    }

    [Fact]
    public void TheHostPackageCarriesTheClientForNet8AndDependsOnNothing()
    {
        var (entries, nuspec) = _packed.Open("Mikrotik.Nano.Host");

        Assert.Equal(_packed.Version, Element(nuspec, "version").Value);
        foreach (string assembly in new[] { "Mikrotik.Nano.Core", "Mikrotik.Nano.Device", "Mikrotik.Nano.HostTransport" })
        {
            Assert.Contains("lib/net8.0/" + assembly + ".dll", entries);
            Assert.Contains("lib/net8.0/" + assembly + ".xml", entries);
        }

        // An app or service must not ship the test support (issue 19): it is Mikrotik.Nano.Host.Testing.
        Assert.DoesNotContain(entries, e => e.Contains("Mikrotik.Nano.Testing", StringComparison.Ordinal));
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void TheHostTestingPackageCarriesTheTestSupportAndDependsOnTheHostPackage()
    {
        var (entries, nuspec) = _packed.Open("Mikrotik.Nano.Host.Testing");

        Assert.Equal(_packed.Version, Element(nuspec, "version").Value);
        Assert.Equal(
            new[] { "lib/net8.0/Mikrotik.Nano.Testing.dll", "lib/net8.0/Mikrotik.Nano.Testing.xml" },
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var dependency = Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
        Assert.Equal("Mikrotik.Nano.Host", (string?)dependency.Attribute("id"));
        Assert.Equal(_packed.Version, (string?)dependency.Attribute("version"));
        Assert.Null(dependency.Attribute("exclude")); // the analyzer flows to its consumers too
    }

    /// <summary>
    /// Deterministic builds (issue 19): every assembly of the host packages names its .pdb under /_/,
    /// never the builder's folder, and says it is reproducible.
    /// </summary>
    [Theory]
    [InlineData("Mikrotik.Nano.Host")]
    [InlineData("Mikrotik.Nano.Host.Testing")]
    public void TheHostPackagesCarryNoBuilderPath(string id) => AssertNoBuilderPath(id);

    /// <summary>The same for the nanoFramework packages' .dll files.</summary>
    [LabTheory]
    [InlineData("Mikrotik.Nano.Core")]
    [InlineData("Mikrotik.Nano.Device")]
    [InlineData("Mikrotik.Nano.Testing")]
    public void TheNanoFrameworkPackagesCarryNoBuilderPath(string id) => AssertNoBuilderPath(id);

    [Fact]
    public void WithoutALabPackSaysInOneLineWhyTheNanoFrameworkPackagesWereNotBuilt()
    {
        var lines = _packed.PackOutput.Split('\n').Where(l => l.StartsWith(PackedArtifacts.NoMetadataProcessorLine, StringComparison.Ordinal)).ToList();
        if (Lab.Present)
        {
            Assert.Empty(lines);
            Assert.True(File.Exists(_packed.Package("Mikrotik.Nano.Core")));
        }
        else
        {
            Assert.Single(lines);
            Assert.False(File.Exists(_packed.Package("Mikrotik.Nano.Core")));
        }
    }

    [LabTheory]
    [InlineData("Mikrotik.Nano.Core")]
    [InlineData("Mikrotik.Nano.Device")]
    [InlineData("Mikrotik.Nano.Testing")]
    public void TheAssemblyVersionIsTheOneVersion(string project)
    {
        string info = File.ReadAllText(Path.Combine(_packed.Root, project, "Properties/AssemblyInfo.cs"));

        Assert.Contains("[assembly: AssemblyVersion(\"" + _packed.Version + ".0\")]", info);
    }

    [Fact(Timeout = 300000)]
    public Task AFreshConsoleAppRestoresTheHostPackagesFromArtifactsAndTalksToTheSimulator() => Task.Run(() =>
    {
        string identity = "packaged-" + Guid.NewGuid().ToString("N")[..8];
        using var sim = new RouterSimulator(new RouterSimulatorOptions { Port = 0, Identity = identity });
        sim.Start();
        string work = Path.Combine(Path.GetTempPath(), "mikrotik-nano-consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string app = Path.Combine(work, "app");
            var (exit, output) = Tool.Run("dotnet", work, TimeSpan.FromMinutes(2), "new", "console", "-o", app, "-n", "Consumer");
            Assert.True(exit == 0, "dotnet new console failed:\n" + output);

            // The local feed serves only Mikrotik.Nano.* (source mapping), everything else comes from
            // the usual registry; a private packages folder keeps the test from using (or leaving) a
            // cached copy of this version.
            _packed.WriteNuGetConfig(app, Path.Combine(work, "packages"));
            string csproj = Path.Combine(app, "Consumer.csproj");
            File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>",
                $"  <ItemGroup>\n    <PackageReference Include=\"Mikrotik.Nano.Host\" Version=\"{_packed.Version}\" />\n    <PackageReference Include=\"Mikrotik.Nano.Host.Testing\" Version=\"{_packed.Version}\" />\n  </ItemGroup>\n</Project>"));
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using Mikrotik.Nano;
                using Mikrotik.Nano.Host;

                using var client = new ApiClient(new ClientOptions());
                client.Connect(TcpTransport.Connect(args[0], int.Parse(args[1]), 5000), "admin", "");
                string identity = client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 5000);
                Console.WriteLine("identity: " + identity);

                // The test support, from Mikrotik.Nano.Host.Testing.
                var clock = new ManualClock(1000, 0);
                clock.Advance(500);
                Console.WriteLine("clock: " + clock.NowMilliseconds);
                """);

            (exit, output) = Tool.Run("dotnet", app, TimeSpan.FromMinutes(3), "run", "-c", "Release", "--", "127.0.0.1", sim.Port.ToString());

            Assert.True(exit == 0, "dotnet run failed:\n" + output);
            Assert.Contains("identity: " + identity, output);
            Assert.Contains("clock: 1500", output);
            Assert.True(File.Exists(Path.Combine(work, "packages", "mikrotik.nano.host", _packed.Version, "mikrotik.nano.host." + _packed.Version + ".nupkg")),
                "restored from the local feed into the private folder");
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    });

    private void AssertNoBuilderPath(string id)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(_packed.Package(id));
        var assemblies = zip.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assemblies);
        foreach (var entry in assemblies)
        {
            using var copy = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(copy);
            }

            copy.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(copy);
            var debug = pe.ReadDebugDirectory();
            var codeView = Assert.Single(debug, d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.CodeView);
            string pdb = pe.ReadCodeViewDebugDirectoryData(codeView).Path;
            Assert.True(pdb.StartsWith("/_/", StringComparison.Ordinal) && !pdb.Contains(_packed.Root, StringComparison.Ordinal),
                $"{id}: {entry.FullName} names its pdb at {pdb}");
            Assert.Contains(debug, d => d.Type == System.Reflection.PortableExecutable.DebugDirectoryEntryType.Reproducible);
        }
    }

    private static XElement Element(XElement nuspec, string name) =>
        nuspec.Descendants().First(e => e.Name.LocalName == name);
}
