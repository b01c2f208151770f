using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mikrotik.Nano.Analyzers;

/// <summary>MTN0006 caused by spaces: <c>Proplist("name, type")</c> becomes <c>Proplist("name,type")</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveProplistSpacesCodeFix)), Shared]
public sealed class RemoveProplistSpacesCodeFix : ReplaceArgumentCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.ProplistInvalid.Id);

    /// <inheritdoc />
    protected override string Title(string fixedText)
    {
        return "Remove the spaces";
    }
}
