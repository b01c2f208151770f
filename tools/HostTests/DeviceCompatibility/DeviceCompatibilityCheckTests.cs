using Xunit;

namespace Mikrotik.Nano.HostTests.DeviceCompatibility;

/// <summary>The check reports each planted violation in Fixtures/NotForDevice, and nothing else.</summary>
public class DeviceCompatibilityCheckTests
{
    private static readonly IReadOnlyList<string> Violations = DeviceCompatibilityCheck.Check(FixturePath(), ["mscorlib"]);

    [Theory]
    [InlineData("generic method definition NotForDevice.Violations::Echo")]
    [InlineData("generic type definition NotForDevice.Holder`1")]
    [InlineData("generic method instantiation NotForDevice.Violations::Echo<Int32> in NotForDevice.Violations::CallsGenericMethod")]
    [InlineData("generic instantiation System.Action`1<Int32> in NotForDevice.Violations::UsesGenericDelegate")]
    [InlineData("generic instantiation System.Action`1<Int32> in reference to System.Action`1<Int32>::Invoke from NotForDevice.Violations::UsesGenericDelegate")]
    [InlineData("multidimensional array Int32[,] in NotForDevice.Violations::UsesGrid")]
    [InlineData("multidimensional array Int32[,] in reference to Int32[,]::.ctor from NotForDevice.Violations::UsesGrid")]
    [InlineData("pointer Int32* in signature of NotForDevice.Violations::ReadsPointer")]
    [InlineData("stackalloc (localloc) in NotForDevice.Violations::UsesStackalloc")]
    [InlineData("async method NotForDevice.Violations::LooksAsync")]
    [InlineData("string array with unassigned elements (new string[n]) in NotForDevice.Violations::NewStringArray: " + DefaultStringElementRule.Advice)]
    [InlineData("string array with unassigned elements (new string[2]) in NotForDevice.Violations::StringArrayWithNullElement: " + DefaultStringElementRule.Advice)]
    [InlineData("System.Array::Clear in NotForDevice.Violations::ClearsStringArray, which handles a string[]: clearing a string[] leaves unassigned elements; " + DefaultStringElementRule.Advice)]
    [InlineData("System.Array::Clear in NotForDevice.Violations::ClearsNewStringArray, which handles a string[]: clearing a string[] leaves unassigned elements; " + DefaultStringElementRule.Advice)]
    [InlineData("System.Array::CreateInstance in NotForDevice.Violations::StringArrayByCreateInstance: for a string array " + DefaultStringElementRule.Advice + "; for other types use new T[n]")]
    public void ReportsPlantedViolation(string expected)
    {
        Assert.Contains(expected, Violations);
    }

    [Fact]
    public void DoesNotFlagPlainCode()
    {
        Assert.DoesNotContain(Violations, v => v.Contains("::Clean", StringComparison.Ordinal));
        Assert.DoesNotContain(Violations, v => v.StartsWith("reference to assembly", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsAReferenceOutsideTheAllowList()
    {
        var violations = DeviceCompatibilityCheck.Check(FixturePath(), []);

        Assert.Contains(violations, v => v.StartsWith("reference to assembly mscorlib 1.17.11.0", StringComparison.Ordinal));
    }

    private static string FixturePath() =>
        RepoPaths.BuildOutput("tools/HostTests/Fixtures/NotForDevice", "NotForDevice")
        ?? throw new InvalidOperationException("the NotForDevice fixture is not built; it builds with HostTests");
}
