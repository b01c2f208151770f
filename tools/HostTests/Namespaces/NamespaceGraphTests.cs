using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Mikrotik.Nano.HostTests.Namespaces;

/// <summary>
/// The watchdog's namespaces form no cycle, and its ports (Esp32Watchdog.Ports) use none of the
/// others: read from the compiled assembly, so a dependency hidden in a method body counts too.
/// </summary>
public sealed class NamespaceGraphTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("namespaces-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    [Fact]
    public void TheWatchdogHasNoNamespaceCycle()
    {
        var graph = NamespaceGraph.Read(Watchdog(), "Esp32Watchdog");
        Assert.Contains("Esp32Watchdog.Ports", graph.Namespaces);
        Assert.Contains("Esp32Watchdog.Policy", graph.Uses("Esp32Watchdog.Supervision"));
        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void ThePortsDependOnNothingElseOfTheWatchdog()
    {
        var graph = NamespaceGraph.Read(Watchdog(), "Esp32Watchdog");
        Assert.Empty(graph.Uses("Esp32Watchdog.Ports"));
    }

    [Fact]
    public void APlantedCycleIsReported()
    {
        // B uses A only inside a method body; A uses B in a field; C uses A but is in no cycle.
        var graph = NamespaceGraph.Read(Compile("""
            namespace P.A { public class X { public P.B.Y Y; } }
            namespace P.B { public class Y { public object M() { return new P.A.X(); } } }
            namespace P.C { public class Z { public P.A.X X; } }
            """), "P.");
        Assert.Equal(["P.A -> P.B -> P.A"], graph.Cycles());
        Assert.Equal(["P.B"], graph.Uses("P.A"));
        Assert.Equal(["P.A"], graph.Uses("P.B"));
    }

    [Fact]
    public void ALambdaCountsForItsOwnType()
    {
        // The closure is a nested compiler-generated type: its use of Q.B is Q.A's.
        var graph = NamespaceGraph.Read(Compile("""
            namespace Q.A { public class X { public System.Func<object> F() { return () => new Q.B.Y(); } } }
            namespace Q.B { public class Y { public Q.A.X X; } }
            """), "Q.");
        Assert.Equal(["Q.A -> Q.B -> Q.A"], graph.Cycles());
    }

    private static string Watchdog() =>
        RepoPaths.BuildOutput("samples/Esp32Watchdog", "Esp32Watchdog")
        ?? throw new InvalidOperationException("samples/Esp32Watchdog is not built; it builds with HostTests");

    private string Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Planted",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_folder, "Planted.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}
