using System.Reflection;

namespace Mikrotik.Nano.Tools.NanoTestRunner;

/// <summary>
/// How nanoFramework's UnitTestLauncher (TestFramework 3.x) finds, orders and names test cases, for the
/// host launcher to do the same. Attributes are matched by full name: the runner does not reference the
/// nano-compiled framework.
/// <list type="bullet">
/// <item>A class counts when it carries exactly [TestClass] (not a derived attribute).</item>
/// <item>Per class, four passes over <c>GetMethods()</c>: [Setup], [TestMethod], [DataRow], [Cleanup]. A
/// skipped [Setup] ends the class (no further pass); a failed one does not.</item>
/// <item>Each attribute of a method is one case, named <c>Namespace.Class.Method.i</c> where i is the
/// attribute's position in the method's attribute list after [TestMethod] is removed from methods that
/// also have a [DataRow]. Setup and Cleanup methods are cases too and report a result.</item>
/// <item>Skipped means the exception is exactly SkipTestException; any other exception fails the case
/// with its message.</item>
/// </list>
/// </summary>
internal static class LauncherRules
{
    private const string FrameworkNamespace = "nanoFramework.TestFramework.";

    public const string TestClass = FrameworkNamespace + "TestClassAttribute";

    public const string SkipException = FrameworkNamespace + "SkipTestException";

    /// <summary>The passes over a test class's methods, in the launcher's order.</summary>
    public static readonly string[] Passes =
    [
        FrameworkNamespace + "SetupAttribute",
        FrameworkNamespace + "TestMethodAttribute",
        FrameworkNamespace + "DataRowAttribute",
        FrameworkNamespace + "CleanupAttribute",
    ];

    public static bool IsTestClass(Type type) =>
        type.IsClass && type.GetCustomAttributes(true).Any(a => a.GetType().FullName == TestClass);

    /// <summary>A method's attributes as the launcher indexes them: without [TestMethod] when a [DataRow] is present.</summary>
    public static object[] CaseAttributes(MethodInfo method)
    {
        var attributes = method.GetCustomAttributes(true);
        var hasRow = attributes.Any(a => a.GetType().FullName == Passes[2]);
        return hasRow ? attributes.Where(a => a.GetType().FullName != Passes[1]).ToArray() : attributes;
    }

    /// <summary>The arguments of a case: a [DataRow]'s values, none for the other attributes.</summary>
    public static object?[]? Arguments(object attribute) =>
        attribute.GetType().FullName == Passes[2]
            ? (object?[]?)attribute.GetType().GetProperty("MethodParameters")!.GetValue(attribute)
            : null;

    /// <summary><c>Namespace.Class.Method.index</c>, as the launcher prints it.</summary>
    public static string Name(MethodInfo method, int index) => $"{method.DeclaringType!.FullName}.{method.Name}.{index}";
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
