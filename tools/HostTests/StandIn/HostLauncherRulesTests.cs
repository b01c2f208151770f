using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <summary>
/// The host launcher (tools/NanoTestRunner) on a small test assembly compiled here against nanoFramework's
/// mscorlib and the stand-in, checked line by line against the device launcher's rules: passes in the
/// order Setup, TestMethod, DataRow, Cleanup; Setup and Cleanup report results; a case is
/// <c>Class.Method.i</c> with i the attribute's index once [TestMethod] is dropped beside [DataRow]; a
/// skipped Setup ends its class. The expected lines are what nftest.sh printed for this source
/// compiled as an NFUnitTest project and run on nanoCLR with the real launcher (timings left out).
/// </summary>
public sealed class HostLauncherRulesTests : IDisposable
{
    private const string Source = """
        using nanoFramework.TestFramework;
        namespace Fixture
        {
            [TestClass]
            public class First
            {
                [Setup]
                public static void Init() { }

                [TestMethod]
                [DataRow(1)]
                [DataRow(2)]
                public static void Rows(int x) { Assert.IsTrue(x > 0); }

                [TestMethod]
                public static void Plain() { }

                [TestMethod]
                public static void Fails() { Assert.IsTrue(false, "boom"); }

                [TestMethod]
                public static void Skips() { Assert.SkipTest("later"); }

                [Cleanup]
                public static void Done() { }
            }

            [TestClass]
            public class Second
            {
                [Setup]
                public static void Init() { Assert.SkipTest("no hardware"); }

                [TestMethod]
                public static void Never() { }
            }

            public class NotATestClass
            {
                [TestMethod]
                public static void Ignored() { }
            }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("host-launcher-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RunsCasesByTheDeviceLaunchersRules()
    {
        var output = RunRunner(Compile());

        Assert.Equal(
            [
                "Test passed,Fixture.First.Init.0",
                "Test passed,Fixture.First.Plain.0",
                "Test failed,Fixture.First.Fails.0,Assert.IsTrue failed. boom",
                "Test skipped,Fixture.First.Skips.0,later",
                "Test passed,Fixture.First.Rows.0",
                "Test passed,Fixture.First.Rows.1",
                "Test passed,Fixture.First.Done.0",
                "Test skipped,Fixture.Second.Init.0,no hardware",
                "SKIPPED,Fixture.Second.Never.0,not run: Setup Fixture.Second.Init.0 was skipped",
                "nano tests: 5 passed, 1 failed, 3 skipped",
            ],
            output);
    }

    private string Compile()
    {
        var mscorlib = RepoPaths.NanoMscorlib;
        var standIn = RepoPaths.BuildOutput("tools/NanoTestFramework", "nanoFramework.TestFramework");
        Assert.True(File.Exists(mscorlib), mscorlib + " not found (restored by the host build)");
        Assert.True(standIn != null, "the stand-in is not built: build tools/Mikrotik.Nano.Host.slnx");
        File.Copy(standIn!, Path.Combine(_folder, "nanoFramework.TestFramework.dll"));

        var compilation = CSharpCompilation.Create(
            "NFUnitTest",
            [CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.CSharp9))],
            [MetadataReference.CreateFromFile(mscorlib), MetadataReference.CreateFromFile(standIn!)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_folder, "NFUnitTest.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }

    private static string[] RunRunner(string tests)
    {
        var runner = RepoPaths.BuildOutput("tools/NanoTestRunner", "NanoTestRunner");
        Assert.True(runner != null, "NanoTestRunner is not built: build tools/Mikrotik.Nano.Host.slnx");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { runner!, tests },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("NanoTestRunner did not finish in 120 s");
        }

        // Timings vary: keep "Test passed,<name>" without its ticks.
        return output.Result.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.StartsWith("Test passed,", StringComparison.Ordinal) ? l[..l.LastIndexOf(',')] : l)
            .ToArray();
    }
}
