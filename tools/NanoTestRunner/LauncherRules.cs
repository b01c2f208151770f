using System.Reflection;

namespace Mikrotik.Nano.Tools.NanoTestRunner;

/// <summary>
/// How the device launcher recognises tests and names them. Attributes are matched by name in the
/// nanoFramework.TestFramework namespace: the runner does not reference the nano-compiled framework.
/// </summary>
internal static class LauncherRules
{
    private const string FrameworkNamespace = "nanoFramework.TestFramework.";

    public static bool Has(MemberInfo member, string attributeName) =>
        member.GetCustomAttributes(false).Any(a => a.GetType().FullName == FrameworkNamespace + attributeName);

    public static bool IsTest(MethodInfo method) => Has(method, "TestMethodAttribute") || Has(method, "DataRowAttribute");

    /// <summary>The argument rows of a method's [DataRow] attributes, in declaration order.</summary>
    public static object?[][] Rows(MethodInfo method) =>
        method.GetCustomAttributes(false)
            .Where(a => a.GetType().FullName == FrameworkNamespace + "DataRowAttribute")
            .Select(a => (object?[])(a.GetType().GetProperty("MethodParameters")!.GetValue(a) ?? Array.Empty<object?>()))
            .ToArray();

    /// <summary><c>Type.Method</c>, or <c>Type.Method.row</c> for a [DataRow] case.</summary>
    public static string Name(MethodInfo method, int row) =>
        $"{method.DeclaringType!.FullName}.{method.Name}" + (row >= 0 ? "." + row : string.Empty);

    /// <summary>The IDE splits result lines at commas; a message must not contain any, nor line breaks.</summary>
    public static string Clean(string message) =>
        message.Replace(",", string.Empty).Replace("\r", " ").Replace("\n", " ");
}

internal enum OutcomeKind
{
    Passed,
    Failed,
    Skipped,
}

internal sealed record Outcome(OutcomeKind Kind, string Message, long Ticks);

internal sealed class TestTally
{
    public int Passed { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }
}
