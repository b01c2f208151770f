using System.Diagnostics;

namespace Mikrotik.Nano.Analyzers.Tests.Support;

/// <summary>Runs the dotnet CLI in a folder, for the tests that build a throwaway project.</summary>
internal static class DotnetCli
{
    /// <summary>
    /// dotnet build in <paramref name="directory"/>; returns the exit code, the console output, and
    /// the diagnostics as written by a file logger (each exactly once, unlike the console).
    /// </summary>
    public static (int Exit, string Console, string Log) Build(string directory)
    {
        (int exit, string console) = Run(directory, "build", "-nologo", "-v:q", "-fl", "-flp:logfile=build.log;verbosity=quiet;NoSummary");
        string logFile = Path.Combine(directory, "build.log");
        return (exit, console, File.Exists(logFile) ? File.ReadAllText(logFile) : string.Empty);
    }

    /// <summary>The lines of <paramref name="output"/> that contain <paramref name="text"/>.</summary>
    public static string[] Lines(string output, string text) =>
        output.Split('\n').Where(line => line.Contains(text, StringComparison.Ordinal)).ToArray();

    private static (int Exit, string Output) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish in 300 s");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
