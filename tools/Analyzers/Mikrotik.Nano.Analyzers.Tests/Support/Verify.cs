using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Mikrotik.Nano.Analyzers.Tests.Support;

/// <summary>
/// Runs an analyzer (and a code fix) over a source compiled as a nanoFramework app would be
/// (C# 9, nano mscorlib, Core, Device). Sources mark expected diagnostics with Roslyn's test markup:
/// <c>{|MTN0001:"text"|}</c>, or <c>{|#0:"text"|}</c> plus a <see cref="DiagnosticResult"/>.
/// Compiler errors in a source fail the test, so every source must compile.
/// </summary>
internal static class Verify
{
    /// <summary>Wraps statements in a method that has a client, a connection and a command buffer.</summary>
    public static string InMethod(string statements)
    {
        return "using Mikrotik.Nano;\n"
            + "class C\n{\n"
            + "    static void M(ApiClient client, ApiConnection connection, CommandBuffer buffer, ReplyHandler handler)\n    {\n"
            + statements
            + "\n    }\n}\n";
    }

    /// <summary>Expects exactly <paramref name="expected"/> (besides the markup) from analyzer <typeparamref name="TAnalyzer"/>.</summary>
    public static Task Analyzer<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies every fix of <typeparamref name="TFix"/> and compares with <paramref name="fixedSource"/>.</summary>
    public static Task CodeFix<TAnalyzer, TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>A diagnostic of <paramref name="descriptor"/> at markup location 0.</summary>
    public static DiagnosticResult At(DiagnosticDescriptor descriptor, int location = 0)
    {
        return new DiagnosticResult(descriptor).WithLocation(location);
    }

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = NanoReferences.None;
        test.TestState.AdditionalReferences.AddRange(NanoReferences.Assemblies);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            Project project = solution.GetProject(projectId)!;
            var options = (CSharpParseOptions)project.ParseOptions!;
            return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(LanguageVersion.CSharp9));
        });
    }
}
