using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mikrotik.Nano.Analyzers;

/// <summary>
/// The shape shared by the fixes: the analyzer has already computed the corrected argument (the
/// diagnostic's <see cref="CommandArgumentAnalyzer.FixedProperty"/>); the fix replaces the string
/// literal with it. Arguments that are not a plain literal (a constant, a concatenation) are not
/// rewritten: the repair belongs where the constant is declared.
/// </summary>
public abstract class ReplaceArgumentCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider()
    {
        return WellKnownFixAllProviders.BatchFixer;
    }

    /// <summary>The title of the action for a diagnostic and its corrected text.</summary>
    /// <param name="fixedText">The corrected argument.</param>
    /// <returns>The title shown in the light bulb.</returns>
    protected abstract string Title(string fixedText);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root == null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)))
        {
            if (!diagnostic.Properties.TryGetValue(CommandArgumentAnalyzer.FixedProperty, out string? fixedText) || fixedText == null)
            {
                continue;
            }

            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            string title = Title(fixedText);
            context.RegisterCodeFix(
                CodeAction.Create(title, token => Replace(context.Document, root, literal, fixedText, token), title),
                diagnostic);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string text, CancellationToken token)
    {
        LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text))
            .WithTriviaFrom(literal);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
    }
}
