using Xunit;

namespace Mikrotik.Nano.HostTests.DeviceCompatibility;

/// <summary>
/// Every assembly that goes onto a device passes the device compatibility check. The DLLs are the host
/// builds, which compile the same sources against nanoFramework's mscorlib.
/// </summary>
public class DeployableAssemblyTests
{
    public static TheoryData<string, string, string[]> Deployables()
    {
        var data = new TheoryData<string, string, string[]>
        {
            { "Mikrotik.Nano.Core", "Mikrotik.Nano.Core", ["mscorlib"] },
            { "Mikrotik.Nano.Device", "Mikrotik.Nano.Device", ["mscorlib", "Mikrotik.Nano.Core"] },
            { "Mikrotik.Nano.Testing", "Mikrotik.Nano.Testing", ["mscorlib", "Mikrotik.Nano.Core", "Mikrotik.Nano.Device"] },
            {
                "Mikrotik.Nano.Tests", "NFUnitTest",
                ["mscorlib", "Mikrotik.Nano.Core", "Mikrotik.Nano.Device", "Mikrotik.Nano.Testing", "nanoFramework.TestFramework"]
            },
            { "samples/Esp32Watchdog", "Esp32Watchdog", ["mscorlib", "Mikrotik.Nano.Core", "Mikrotik.Nano.Device"] },
            {
                // The watchdog's tests, with the watchdog's logic compiled in (Platform/ aside).
                "samples/Esp32Watchdog.Tests", "NFUnitTest",
                ["mscorlib", "Mikrotik.Nano.Core", "Mikrotik.Nano.Device", "Mikrotik.Nano.Testing", "nanoFramework.TestFramework"]
            },
        };

        // The examples' device flavours: their logic (shared with the console flavours) is device code too.
        foreach (string example in new[] { "PrintInterfaces", "FollowLog", "TlsHealth" })
        {
            data.Add("samples/" + example, example, ["mscorlib", "Mikrotik.Nano.Core", "Mikrotik.Nano.Device"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void RunsOnTheDevice(string projectDirectory, string assemblyName, string[] allowedReferences)
    {
        var dll = RepoPaths.BuildOutput(projectDirectory, assemblyName);
        Assert.True(dll != null, $"{assemblyName}.dll not found under {projectDirectory}/bin/{RepoPaths.Configuration}: the project must be listed in tools/Mikrotik.Nano.Host.slnx, and the solution built in {RepoPaths.Configuration} (bash tools/test.sh does)");

        var violations = DeviceCompatibilityCheck.Check(dll!, allowedReferences);

        Assert.True(violations.Count == 0, $"{assemblyName} uses what nanoFramework cannot run:\n  " + string.Join("\n  ", violations));
    }
}
