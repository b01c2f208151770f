using Microsoft.CodeAnalysis;

namespace Mikrotik.Nano.Analyzers;

/// <summary>
/// The diagnostics, with stable IDs: never renumber or reuse one. Errors are exactly what the Core
/// throws for at run time; warnings are mistakes RouterOS would answer with a trap, an empty result
/// or a command that never ends. Each links to its row in the README's table.
/// </summary>
internal static class Descriptors
{
    /// <summary>Where the diagnostics are documented (the README section "Analyzer diagnostics").</summary>
    public const string HelpLink = "README.md#analyzer-diagnostics";

    private const string Category = "Mikrotik.Nano";

    /// <summary>MTN0001: a path without its leading '/'.</summary>
    public static readonly DiagnosticDescriptor PathNeedsSlash = Error(
        "MTN0001",
        "Command path must start with '/'",
        "Command path '{0}' must start with '/'");

    /// <summary>MTN0002: any other path the runtime rejects.</summary>
    public static readonly DiagnosticDescriptor PathInvalid = Error(
        "MTN0002",
        "Invalid command path",
        "Command path '{0}' is invalid: {1}");

    /// <summary>MTN0003: a final segment one or two edits away from a RouterOS verb.</summary>
    public static readonly DiagnosticDescriptor VerbMisspelt = Warning(
        "MTN0003",
        "Unknown command verb",
        "'{0}' in command path '{1}' is not a RouterOS verb: did you mean '{2}'?");

    /// <summary>MTN0004: an attribute, flag or query name the runtime rejects.</summary>
    public static readonly DiagnosticDescriptor NameInvalid = Error(
        "MTN0004",
        "Invalid attribute name",
        "Name '{0}' is invalid: {1}");

    /// <summary>MTN0005: <c>.proplist</c> written as an ordinary attribute.</summary>
    public static readonly DiagnosticDescriptor ProplistThroughAttribute = Warning(
        "MTN0005",
        "Write .proplist with Proplist",
        "'{0}' is written through {1}: use Proplist(\"names\") so the list is checked");

    /// <summary>MTN0006: a proplist the runtime rejects.</summary>
    public static readonly DiagnosticDescriptor ProplistInvalid = Error(
        "MTN0006",
        "Invalid proplist",
        "Proplist '{0}' is invalid: {1}");

    /// <summary>MTN0007: a proplist with an empty entry.</summary>
    public static readonly DiagnosticDescriptor ProplistEmptyEntry = Warning(
        "MTN0007",
        "Empty name in proplist",
        "Proplist '{0}' has an empty name: separate names with single commas, none at either end");

    /// <summary>MTN0008: a <c>?#</c> operation string the runtime rejects.</summary>
    public static readonly DiagnosticDescriptor OperationsInvalid = Error(
        "MTN0008",
        "Invalid query operations",
        "Query operations '{0}' are invalid: {1}");

    /// <summary>MTN0009: a command built and then dropped.</summary>
    public static readonly DiagnosticDescriptor NeverSent = Warning(
        "MTN0009",
        "Command built but never sent",
        "The command {0} is built but never sent: pass it to Send, Run or ReadString, or assign it to '_' if that is deliberate");

    /// <summary>MTN0010: a command handle dropped without Dispose.</summary>
    public static readonly DiagnosticDescriptor HandleNotDisposed = Warning(
        "MTN0010",
        "CommandHandle never disposed",
        "The CommandHandle {0} is never disposed: a command still running (a listen, a follow) keeps going on the router; dispose it, or assign it to '_' to drop it on purpose");

    private static DiagnosticDescriptor Error(string id, string title, string message)
    {
        return new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, true, null, HelpLink);
    }

    private static DiagnosticDescriptor Warning(string id, string title, string message)
    {
        return new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, true, null, HelpLink);
    }
}
