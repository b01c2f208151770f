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

    [LabFact]
    public void TheHostPackageCarriesTheClientForNet8AndDependsOnNothing()
    {
        var (entries, nuspec) = _packed.Open("Mikrotik.Nano.Host");

        Assert.Equal(_packed.Version, Element(nuspec, "version").Value);
        foreach (string assembly in new[] { "Mikrotik.Nano.Core", "Mikrotik.Nano.Device", "Mikrotik.Nano.Testing", "Mikrotik.Nano.HostTransport" })
        {
            Assert.Contains("lib/net8.0/" + assembly + ".dll", entries);
            Assert.Contains("lib/net8.0/" + assembly + ".xml", entries);
        }

        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency");
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

    [LabFact(Timeout = 300000)]
    public Task AFreshConsoleAppRestoresTheHostPackageFromArtifactsAndTalksToTheSimulator() => Task.Run(() =>
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
                $"  <ItemGroup>\n    <PackageReference Include=\"Mikrotik.Nano.Host\" Version=\"{_packed.Version}\" />\n  </ItemGroup>\n</Project>"));
            File.WriteAllText(Path.Combine(app, "Program.cs"), """
                using Mikrotik.Nano;
                using Mikrotik.Nano.Host;

                using var client = new ApiClient(new ClientOptions());
                client.Connect(TcpTransport.Connect(args[0], int.Parse(args[1]), 5000), "admin", "");
                string identity = client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 5000);
                Console.WriteLine("identity: " + identity);
                """);

            (exit, output) = Tool.Run("dotnet", app, TimeSpan.FromMinutes(3), "run", "-c", "Release", "--", "127.0.0.1", sim.Port.ToString());

            Assert.True(exit == 0, "dotnet run failed:\n" + output);
            Assert.Contains("identity: " + identity, output);
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

    private static XElement Element(XElement nuspec, string name) =>
        nuspec.Descendants().First(e => e.Name.LocalName == name);
}
