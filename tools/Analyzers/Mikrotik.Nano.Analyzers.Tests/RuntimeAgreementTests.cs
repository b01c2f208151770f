using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Mikrotik.Nano.Analyzers.Rules;
using Mikrotik.Nano.Analyzers.Tests.Support;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>
/// The analyzer's errors and the Core's runtime validation are the same rules: over thousands of
/// generated strings, a constant the analyzer rejects makes the real CommandBuilder/CommandWriter
/// throw, and one it accepts does not. Checked on the rule functions and on the analyzer itself
/// running over generated source.
/// </summary>
public class RuntimeAgreementTests
{
    private const int Cases = 4000;

    private enum Step { Path, Attribute, Flag, QueryHas, QueryLacks, QueryEquals, QueryEqualsAttribute, QueryLess, QueryGreater, Proplist, QueryOperations }

    private static readonly Step[] NameSteps =
        { Step.Attribute, Step.Flag, Step.QueryHas, Step.QueryLacks, Step.QueryEquals, Step.QueryEqualsAttribute, Step.QueryLess, Step.QueryGreater };

    // Whether the real Core accepts the argument for this step.
    private static bool RuntimeAccepts(Step step, string? text)
    {
        var buffer = new CommandBuffer(4096);
        try
        {
            if (step == Step.Path)
            {
                buffer.Begin().Path(text!);
                return true;
            }

            CommandWriter writer = buffer.Begin().Path("/interface/print");
            _ = step switch
            {
                Step.Attribute => writer.Attribute(text!, "value"),
                Step.Flag => writer.Flag(text!),
                Step.QueryHas => writer.QueryHas(text!),
                Step.QueryLacks => writer.QueryLacks(text!),
                Step.QueryEquals => writer.QueryEquals(text!, "value"),
                Step.QueryEqualsAttribute => writer.QueryEqualsAttribute(text!, "value"),
                Step.QueryLess => writer.QueryLess(text!, "1"),
                Step.QueryGreater => writer.QueryGreater(text!, "1"),
                Step.Proplist => writer.Proplist(text!),
                _ => writer.QueryOperations(text!),
            };
            return true;
        }
        catch (MikrotikException)
        {
            return false;
        }
    }

    private static bool RulesAccept(Step step, string? text) => step switch
    {
        Step.Path => CommandRules.CheckPath(text).IsValid,
        Step.Proplist => CommandRules.CheckProplist(text) == null,
        Step.QueryOperations => CommandRules.CheckOperations(text) == null,
        _ => CommandRules.CheckName(text) == null,
    };

    private static string? Generate(Random random, Step step)
    {
        int pick = random.Next(10);
        if (pick == 0)
        {
            return RandomText.Free(random);
        }

        return step switch
        {
            Step.Path => RandomText.PathLike(random),
            Step.QueryOperations => RandomText.OperationsLike(random),
            _ => RandomText.NameLike(random),
        };
    }

    public static TheoryData<string> Steps()
    {
        var data = new TheoryData<string>();
        foreach (Step step in Enum.GetValues<Step>())
        {
            data.Add(step.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void The_rules_accept_exactly_what_the_runtime_accepts(string stepName)
    {
        Step step = Enum.Parse<Step>(stepName);
        var random = new Random(8728 + (int)step);
        int accepted = 0, rejected = 0;
        var cases = new List<string?> { null, "", " ", "/", "=", "," };
        for (int i = 0; i < Cases; i++)
        {
            cases.Add(Generate(random, step));
        }

        foreach (string? text in cases)
        {
            bool runtime = RuntimeAccepts(step, text);
            Assert.True(runtime == RulesAccept(step, text),
                $"{step}({(text == null ? "null" : SymbolDisplay.FormatLiteral(text, true))}): runtime {(runtime ? "accepts" : "rejects")}, the analyzer's rule does not agree");
            if (runtime)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }
        }

        // Both sides of the boundary were exercised.
        Assert.True(accepted > Cases / 10, $"only {accepted} accepted");
        Assert.True(rejected > Cases / 10, $"only {rejected} rejected");
    }

    [Fact]
    public async Task The_analyzer_reports_an_error_exactly_where_the_runtime_throws()
    {
        var random = new Random(8729);
        var calls = new List<(Step Step, string Text)>();
        for (int i = 0; i < 600; i++)
        {
            Step step = i % 3 == 0 ? Step.Path : i % 3 == 1 ? NameSteps[random.Next(NameSteps.Length)] : (random.Next(2) == 0 ? Step.Proplist : Step.QueryOperations);
            calls.Add((step, Generate(random, step)!));
        }

        // One call per line: line i + 4 of the source holds calls[i].
        var source = new StringBuilder("using Mikrotik.Nano;\nclass C\n{\n    static void M(CommandBuffer b, CommandWriter w)\n    {\n");
        foreach ((Step step, string text) in calls)
        {
            string literal = SymbolDisplay.FormatLiteral(text, true);
            source.Append("        ").Append(step switch
            {
                Step.Path => $"b.Begin().Path({literal});",
                Step.Attribute or Step.QueryEquals or Step.QueryEqualsAttribute or Step.QueryLess or Step.QueryGreater => $"w.{step}({literal}, \"v\");",
                _ => $"w.{step}({literal});",
            }).Append('\n');
        }

        source.Append("    }\n}\n");
        CSharpCompilation compilation = CSharpCompilation.Create("Generated",
            new[] { CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.CSharp9)) },
            NanoReferences.Assemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CommandArgumentAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        var errorLines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.GetLineSpan().StartLinePosition.Line - 5)
            .ToHashSet();

        for (int i = 0; i < calls.Count; i++)
        {
            bool runtime = RuntimeAccepts(calls[i].Step, calls[i].Text);
            Assert.True(runtime != errorLines.Contains(i),
                $"{calls[i].Step}({SymbolDisplay.FormatLiteral(calls[i].Text, true)}): runtime {(runtime ? "accepts" : "rejects")}, analyzer {(errorLines.Contains(i) ? "reports" : "is silent")}");
        }

        Assert.InRange(errorLines.Count, calls.Count / 10, calls.Count * 9 / 10);
    }
}
