using Xunit;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <summary>
/// The host stand-in for nanoFramework.TestFramework (tools/NanoTestFramework) has exactly the public
/// surface of the real assembly in the lab: a test that compiles on the host then compiles on the device.
/// </summary>
public class StandInTests
{
    private static string StandIn()
    {
        var dll = RepoPaths.BuildOutput("tools/NanoTestFramework", "nanoFramework.TestFramework");
        Assert.True(dll != null, $"the stand-in is not built under tools/NanoTestFramework/bin/{RepoPaths.Configuration}: build tools/Mikrotik.Nano.Host.slnx");
        return dll!;
    }

    [LabFact]
    public void StandInMatchesTheRealTestFramework()
    {
        Assert.True(File.Exists(NanoLab.TestFramework), $"{NanoLab.TestFramework} does not exist in the lab");

        var differences = ApiSurface.Compare(NanoLab.TestFramework!, StandIn());

        Assert.True(differences.Count == 0, "tools/NanoTestFramework differs from the real nanoFramework.TestFramework:\n  " + string.Join("\n  ", differences));
    }

    /// <summary>The reader sees the real assembly's types (an empty read would make the comparison vacuous).</summary>
    [LabFact]
    public void TheRealSurfaceIsRead()
    {
        var surface = ApiSurface.Read(NanoLab.TestFramework!);

        Assert.Equal("public class : System.Exception", surface["T:TestFrameworkShared.AssertFailedException"]);
        Assert.Contains("M:nanoFramework.TestFramework.Assert.AreEqual(Int32,Int32,String)", surface.Keys);
        Assert.Contains("T:nanoFramework.TestFramework.DataRowAttribute", surface.Keys);
    }
}
