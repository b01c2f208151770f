using System.Text.RegularExpressions;
using Xunit;

namespace Mikrotik.Nano.HostTests.NfprojConsistency;

/// <summary>The repository's device projects agree with its host projects, packages.config and nano.sln.</summary>
public class RepositoryConsistencyTests
{
    [Fact]
    public void DeviceAndHostBuildsAgree()
    {
        var errors = NfprojConsistencyCheck.Check(RepoPaths.Root);

        Assert.True(errors.Count == 0, "The device build is out of step:\n  " + string.Join("\n  ", errors));
    }

    [Fact]
    public void TreeWithDeviceMissingSystemThreadingFails()
    {
        // What issue 21 found: Device named System.Net without System.Threading, which System.Net's
        // .nuspec depends on, so the test suites' deployment lacked System.Threading.pe. Planted in a
        // copy of the tracked tree, the check names Device and every project that references it.
        var copy = RepoPaths.CopyTrackedFiles();
        try
        {
            // The tree as it was: no System.Threading in Device's or the client suite's files.
            RemoveSystemThreading(copy, "Mikrotik.Nano.Device/packages.config", "Mikrotik.Nano.Device/Mikrotik.Nano.Device.nuspec", "Mikrotik.Nano.Device/Mikrotik.Nano.Device.nfproj");
            RemoveSystemThreading(copy, "Mikrotik.Nano.Tests/packages.config", "Mikrotik.Nano.Tests/Mikrotik.Nano.Tests.nfproj");

            var errors = NfprojConsistencyCheck.Check(copy);

            Assert.Equal(2, errors.Count);
            Assert.StartsWith("Mikrotik.Nano.Device/packages.config does not name nanoFramework.System.Threading, which nanoFramework.System.Net 1.11.47 depends on", errors[0]);
            Assert.StartsWith("Mikrotik.Nano.Tests/packages.config does not name nanoFramework.System.Threading, which nanoFramework.System.Net 1.11.47 depends on", errors[1]);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>Removes System.Threading's package line, dependency or Reference (with its HintPath and comment) from these files.</summary>
    private static void RemoveSystemThreading(string root, params string[] files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            var text = File.ReadAllText(path);
            var kept = Regex.Replace(text, @"[ \t]*(<!--[^\n]*-->\s*)?<Reference Include=""System.Threading"">.*?</Reference>\r?\n", "", RegexOptions.Singleline);
            kept = Regex.Replace(kept, @"[^\n]*""nanoFramework.System.Threading""[^\n]*\n", "");
            Assert.NotEqual(text, kept);
            File.WriteAllText(path, kept);
        }
    }
}
