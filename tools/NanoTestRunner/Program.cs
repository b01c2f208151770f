// Runs the nano-compiled test assembly (NFUnitTest.dll) on the host, the way nanoFramework's
// UnitTestLauncher runs it on a device:
//   for each class marked [TestClass]: its [Setup] methods once, each [TestMethod] (once per [DataRow]
//   when it has rows, and then not plainly), its [Cleanup] methods once.
// Methods are invoked with a null target, as on the device, so instance test methods fail here too.
// Output: one line per test in the launcher's comma-separated form, then a totals line.
using System.Diagnostics;
using System.Reflection;
using Mikrotik.Nano.Tools.NanoTestRunner;

if (args.Length < 1 || args.Length > 3 || (args.Length == 3 && args[1] != "--timeout"))
{
    Console.Error.WriteLine("usage: NanoTestRunner <path/to/NFUnitTest.dll> [--timeout <seconds per test>]");
    return 64;
}

var timeout = TimeSpan.FromSeconds(args.Length == 3 ? int.Parse(args[2]) : 60);
var path = Path.GetFullPath(args[0]);
if (!File.Exists(path))
{
    Console.Error.WriteLine($"nano tests: {path} does not exist; build the host solution first");
    return 66;
}

// LoadFrom resolves the test assembly's references (Core, Device, nanoFramework.TestFramework) from its
// folder; its mscorlib reference binds to the host's mscorlib facade.
var assembly = Assembly.LoadFrom(path);
var results = new TestTally();
foreach (var type in assembly.GetTypes())
{
    if (type.IsClass && LauncherRules.Has(type, "TestClassAttribute"))
    {
        RunClass(type);
    }
}

Console.WriteLine($"nano tests: {results.Passed} passed, {results.Failed} failed, {results.Skipped} skipped");
if (results.Passed + results.Failed == 0)
{
    Console.Error.WriteLine("nano tests: no test ran");
    return 2;
}

return results.Failed == 0 ? 0 : 1;

void RunClass(Type type)
{
    var methods = type.GetMethods();

    // A failing [Setup] does not stop the class on the device; a skipped one skips it.
    foreach (var setup in methods.Where(m => LauncherRules.Has(m, "SetupAttribute")))
    {
        var outcome = Invoke(setup, null);
        if (outcome.Kind == OutcomeKind.Skipped)
        {
            foreach (var test in methods.Where(LauncherRules.IsTest))
            {
                results.Skipped++;
                Console.WriteLine($"Test skipped,{LauncherRules.Name(test, -1)},{LauncherRules.Clean("setup skipped: " + outcome.Message)}");
            }

            return;
        }

        if (outcome.Kind == OutcomeKind.Failed)
        {
            Report(LauncherRules.Name(setup, -1), outcome);
        }
    }

    foreach (var test in methods.Where(LauncherRules.IsTest))
    {
        var rows = LauncherRules.Rows(test);
        if (rows.Length == 0)
        {
            Report(LauncherRules.Name(test, -1), Invoke(test, null));
            continue;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            Report(LauncherRules.Name(test, i), Invoke(test, rows[i]));
        }
    }

    foreach (var cleanup in methods.Where(m => LauncherRules.Has(m, "CleanupAttribute")))
    {
        var outcome = Invoke(cleanup, null);
        if (outcome.Kind != OutcomeKind.Passed)
        {
            Report(LauncherRules.Name(cleanup, -1), outcome);
        }
    }
}

void Report(string name, Outcome outcome)
{
    switch (outcome.Kind)
    {
        case OutcomeKind.Passed:
            results.Passed++;
            Console.WriteLine($"Test passed,{name},{outcome.Ticks}");
            break;
        case OutcomeKind.Skipped:
            results.Skipped++;
            Console.WriteLine($"Test skipped,{name},{LauncherRules.Clean(outcome.Message)}");
            break;
        default:
            results.Failed++;
            Console.WriteLine($"Test failed,{name},{LauncherRules.Clean(outcome.Message)}");
            break;
    }
}

// Runs one method on its own thread so that a hung test is reported instead of hanging the run.
Outcome Invoke(MethodInfo method, object?[]? arguments)
{
    Outcome? outcome = null;
    var stopwatch = Stopwatch.StartNew();
    var worker = new Thread(() =>
    {
        try
        {
            method.Invoke(null, arguments);
            outcome = new Outcome(OutcomeKind.Passed, string.Empty, stopwatch.Elapsed.Ticks);
        }
        catch (Exception ex)
        {
            var cause = ex is TargetInvocationException { InnerException: not null } ? ex.InnerException : ex;
            var skipped = cause.GetType().FullName == "TestFrameworkShared.SkipTestException";
            var message = skipped ? cause.Message : $"{cause.GetType().Name}: {cause.Message}";
            if (cause is TargetException)
            {
                message = "test methods must be public static (the launcher invokes them without an instance)";
            }

            outcome = new Outcome(skipped ? OutcomeKind.Skipped : OutcomeKind.Failed, message, 0);
        }
    })
    {
        IsBackground = true,
        Name = method.Name,
    };
    worker.Start();
    if (!worker.Join(timeout))
    {
        return new Outcome(OutcomeKind.Failed, $"timed out after {timeout.TotalSeconds} s", 0);
    }

    return outcome!;
}
