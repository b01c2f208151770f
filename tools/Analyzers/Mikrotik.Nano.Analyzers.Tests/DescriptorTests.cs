using System.Reflection;
using Mikrotik.Nano.Analyzers.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>The IDs are unique, stable (listed in the release file), documented in the README section the help links point at.</summary>
public class DescriptorTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers = { new CommandArgumentAnalyzer(), new CommandLifetimeAnalyzer() };

    private static IEnumerable<DiagnosticDescriptor> All() => Analyzers.SelectMany(a => a.SupportedDiagnostics);

    private static string Root() => Repository.Root;

    [Fact]
    public void Ids_are_unique_and_numbered_MTN0001_on()
    {
        var ids = All().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"MTN{i:D4}"), ids.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(ids.Count, typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static).Count(f => f.FieldType == typeof(DiagnosticDescriptor)));
    }

    [Fact]
    public void Every_help_link_points_at_the_readme_section_that_lists_the_id_with_its_severity()
    {
        string readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        foreach (DiagnosticDescriptor descriptor in All())
        {
            Assert.Equal("README.md#analyzer-diagnostics", descriptor.HelpLinkUri);
        }

        int start = readme.IndexOf("\n## Analyzer diagnostics\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no '## Analyzer diagnostics' heading (the anchor #analyzer-diagnostics)");
        int end = readme.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        string section = readme.Substring(start, (end < 0 ? readme.Length : end) - start);
        foreach (DiagnosticDescriptor descriptor in All())
        {
            string severity = descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning";
            Assert.Contains($"| {descriptor.Id} | {severity} |", section);
        }
    }

    [Fact]
    public void Every_id_is_in_the_release_tracking_file()
    {
        string unshipped = File.ReadAllText(Path.Combine(Root(), "tools/Analyzers/Mikrotik.Nano.Analyzers/AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in All())
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
        }
    }
}
