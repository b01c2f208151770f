// Runs the nano-compiled test assembly (NFUnitTest.dll) on the host by the rules of nanoFramework's
// UnitTestLauncher (see LauncherRules): for each [TestClass], a pass over its methods for [Setup], then
// [TestMethod], then [DataRow], then [Cleanup]; every attribute is one case with its own result line.
// Methods are invoked with a null target, as on the device, so instance test methods fail here too.
// Output: the launcher's lines (Test passed,<name>,<ticks> / Test failed,<name>,<message> /
// Test skipped,<name>,<message>), a SKIPPED line per case behind a skipped [Setup] (as nftest.sh
// prints them), then a totals line. Case names and counts match the device run.
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
foreach (var type in assembly.GetTypes().Where(LauncherRules.IsTestClass))
{
    RunClass(type);
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
    foreach (var pass in LauncherRules.Passes)
    {
        var setupSkipped = RunPass(methods, pass);
        if (setupSkipped != null)
        {
            // The device launcher prints nothing for the rest of the class; nftest.sh reports each case.
            foreach (var later in LauncherRules.Passes.Skip(1))
            {
                foreach (var method in methods)
                {
                    var attributes = LauncherRules.CaseAttributes(method);
                    for (var i = 0; i < attributes.Length; i++)
                    {
                        if (attributes[i].GetType().FullName == later)
                        {
                            results.Skipped++;
                            Console.WriteLine($"SKIPPED,{LauncherRules.Name(method, i)},not run: Setup {setupSkipped} was skipped");
                        }
                    }
                }
            }

            return;
        }
    }
}

// Runs every case of one kind; returns the name of a skipped [Setup] case (which ends the class), else null.
string? RunPass(MethodInfo[] methods, string attributeName)
{
    var isSetup = attributeName == LauncherRules.Passes[0];
    foreach (var method in methods)
    {
        var attributes = LauncherRules.CaseAttributes(method);
        for (var i = 0; i < attributes.Length; i++)
        {
            if (attributes[i].GetType().FullName != attributeName)
            {
                continue;
            }

            var name = LauncherRules.Name(method, i);
            var outcome = Invoke(method, LauncherRules.Arguments(attributes[i]));
            Report(name, outcome);
            if (isSetup && outcome.Kind == OutcomeKind.Skipped)
            {
                return name;
            }
        }
    }

    return null;
}

void Report(string name, Outcome outcome)
{
    switch (outcome.Kind)
    {
        case OutcomeKind.Passed:
            results.Passed++;
            Console.WriteLine($"Test passed,{name},{outcome.Ticks}");
            return;
        case OutcomeKind.Skipped:
            results.Skipped++;
            Console.WriteLine($"Test skipped,{name},{outcome.Message}");
            break;
        default:
            results.Failed++;
            Console.WriteLine($"Test failed,{name},{outcome.Message}");
            break;
    }

    // The launcher prints messages as they are; the IDE's parser expects exactly three fields.
    if (outcome.Message.Contains(','))
    {
        Console.WriteLine("   note: the message contains ',' which Visual Studio's test adapter cannot parse");
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
            // Host reflection wraps the test's exception; the device launcher sees it directly.
            var cause = ex is TargetInvocationException { InnerException: not null } ? ex.InnerException : ex;
            var message = cause is TargetException
                ? "test methods must be public static (the launcher invokes them without an instance)"
                : cause.Message;
            var skipped = cause.GetType().FullName == LauncherRules.SkipException;
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
