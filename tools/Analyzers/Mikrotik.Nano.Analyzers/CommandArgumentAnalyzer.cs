using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Mikrotik.Nano.Analyzers.Rules;

namespace Mikrotik.Nano.Analyzers;

/// <summary>
/// Checks the constant arguments of the command builder's steps (MTN0001–MTN0008): the path, the
/// names of attributes, flags and queries, the proplist and the <c>?#</c> operations. Arguments
/// that are not compile-time constants are left to the runtime check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the corrected argument, for the code fixes.</summary>
    public const string FixedProperty = "Fixed";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.PathNeedsSlash,
        Descriptors.PathInvalid,
        Descriptors.VerbMisspelt,
        Descriptors.NameInvalid,
        Descriptors.ProplistThroughAttribute,
        Descriptors.ProplistInvalid,
        Descriptors.ProplistEmptyEntry,
        Descriptors.OperationsInvalid);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (!BuilderApi.IsBuilderStep(method))
        {
            return;
        }

        IArgumentOperation? argument = FirstStringArgument(invocation);
        if (argument == null || !argument.Value.ConstantValue.HasValue)
        {
            return;
        }

        string? text = argument.Value.ConstantValue.Value as string;
        Location location = argument.Value.Syntax.GetLocation();
        switch (method.Name)
        {
            case "Path":
                if (BuilderApi.Is(method.ContainingType, BuilderApi.BuilderType))
                {
                    CheckPath(context, text, location);
                }

                break;
            case "Proplist":
                CheckProplist(context, text, location);
                break;
            case "QueryOperations":
                string? operationsProblem = CommandRules.CheckOperations(text);
                if (operationsProblem != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.OperationsInvalid, location, Show(text), operationsProblem));
                }

                break;
            case "Attribute":
            case "Flag":
            case "QueryHas":
            case "QueryLacks":
            case "QueryEquals":
            case "QueryEqualsAttribute":
            case "QueryLess":
            case "QueryGreater":
                string? nameProblem = CommandRules.CheckName(text);
                if (nameProblem != null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.NameInvalid, location, Show(text), nameProblem));
                }
                else if (text == ".proplist" && (method.Name == "Attribute" || method.Name == "Flag"))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProplistThroughAttribute, location, text, method.Name));
                }

                break;
        }
    }

    private static void CheckPath(OperationAnalysisContext context, string? path, Location location)
    {
        PathProblem problem = CommandRules.CheckPath(path);
        if (problem.Kind == PathProblemKind.MissingLeadingSlash)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(FixedProperty, "/" + path);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PathNeedsSlash, location, properties, Show(path)));
        }
        else if (problem.Kind == PathProblemKind.Malformed)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.PathInvalid, location, Show(path), problem.Reason));
        }

        // The verb is checked even when the path is otherwise wrong: "interface/prnt" has two mistakes.
        string? verb = CommandRules.LastSegment(path);
        string? suggestion = verb == null ? null : Verbs.Misspelt(verb);
        if (suggestion != null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FixedProperty, CommandRules.ReplaceLastSegment(path!, suggestion));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.VerbMisspelt, location, properties, verb, path, suggestion));
        }
    }

    private static void CheckProplist(OperationAnalysisContext context, string? names, Location location)
    {
        string? problem = CommandRules.CheckProplist(names);
        if (problem != null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            string? withoutSpaces = CommandRules.WithoutSpaces(names);
            if (withoutSpaces != null)
            {
                properties = properties.Add(FixedProperty, withoutSpaces);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProplistInvalid, location, properties, Show(names), problem));
        }
        else if (CommandRules.HasEmptyEntry(names!))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProplistEmptyEntry, location, names));
        }
    }

    // The argument of the step's first parameter, when it is a string (the overloads of Attribute
    // differ only after the name).
    private static IArgumentOperation? FirstStringArgument(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter != null && argument.Parameter.Ordinal == 0
                && argument.Parameter.Type.SpecialType == SpecialType.System_String)
            {
                return argument;
            }
        }

        return null;
    }

    // The text as it appears in a message: control characters escaped, null spelt out.
    private static string Show(string? text)
    {
        if (text == null)
        {
            return "null";
        }

        var shown = new System.Text.StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                shown.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                shown.Append(c);
            }
        }

        return shown.ToString();
    }
}
