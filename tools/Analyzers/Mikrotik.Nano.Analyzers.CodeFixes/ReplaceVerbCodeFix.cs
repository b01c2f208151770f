using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mikrotik.Nano.Analyzers;

/// <summary>MTN0003: <c>Path("/interface/prnt")</c> becomes <c>Path("/interface/print")</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceVerbCodeFix)), Shared]
public sealed class ReplaceVerbCodeFix : ReplaceArgumentCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.VerbMisspelt.Id);

    /// <inheritdoc />
    protected override string Title(string fixedText)
    {
        return "Use '" + fixedText.Substring(fixedText.LastIndexOf('/') + 1) + "'";
    }
}
