using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <summary>
/// The host launcher (tools/NanoTestRunner) runs the same cases, under the same names, as nanoFramework's
/// UnitTestLauncher: compared with the lab's asminfo, which lists NFUnitTest's cases in launcher order.
/// </summary>
public class HostLauncherTests
{
    [LabFact]
    public void HostLauncherRunsTheDeviceLaunchersCases()
    {
        var tests = RepoPaths.BuildOutput("Mikrotik.Nano.Tests", "NFUnitTest");
        var runner = RepoPaths.BuildOutput("tools/NanoTestRunner", "NanoTestRunner");
        Assert.True(tests != null && runner != null, "NFUnitTest or NanoTestRunner is not built: build tools/Mikrotik.Nano.Host.slnx");
        var asminfo = Path.Combine(NanoLab.Root!, "tools", "asminfo", "asminfo.dll");

        var expected = JsonDocument.Parse(Run(asminfo, "tests", tests!)).RootElement.EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
        var actual = Run(runner!, tests!).Split('\n')
            .Where(l => l.StartsWith("Test ", StringComparison.Ordinal) || l.StartsWith("SKIPPED,", StringComparison.Ordinal))
            .Select(l => l.Split(',')[1]).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private static string Run(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{dll} did not finish in 300 s");
        }

        return output.Result.Replace("\r", "");
    }
}
