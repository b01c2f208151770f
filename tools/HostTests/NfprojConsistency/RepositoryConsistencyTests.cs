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
}
