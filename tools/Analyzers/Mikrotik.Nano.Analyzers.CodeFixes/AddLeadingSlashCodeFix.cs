using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mikrotik.Nano.Analyzers;

/// <summary>MTN0001: <c>Path("interface/print")</c> becomes <c>Path("/interface/print")</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddLeadingSlashCodeFix)), Shared]
public sealed class AddLeadingSlashCodeFix : ReplaceArgumentCodeFix
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.PathNeedsSlash.Id);

    /// <inheritdoc />
    protected override string Title(string fixedText)
    {
        return "Add the leading '/'";
    }
}
