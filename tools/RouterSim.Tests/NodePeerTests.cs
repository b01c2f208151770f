using System.Diagnostics;

namespace RouterSim.Tests;

/// <summary>Proof of fidelity: third-party clients (node-routeros, mikronode) run scenarios against the simulator.</summary>
public class NodePeerTests
{
    private static readonly string[] MikronodeSteps =
    {
        "ok login-legacy", "ok print-proplist-query", "ok query-or", "ok add-returns-id", "ok stream-listen-cancel",
        "ok trap-bad-interface", "ok trap-unknown-command", "ok still-usable-after-traps", "ok close",
    };

    private static readonly string[] ExpectedSteps =
    {
        "ok login", "ok print-proplist-query", "ok query-or", "ok add-returns-id", "ok stream-listen-cancel",
        "ok stream-log-follow-only-cancel", "ok trap-bad-interface", "ok trap-unknown-command",
        "ok still-usable-after-traps", "ok quit",
    };

    private static readonly Lazy<(int Exit, string Output)> NpmCi = new(() =>
        Run("npm", "ci --no-audit --no-fund", PeerDirectory, TimeSpan.FromMinutes(3)));

    private static string PeerDirectory => Path.Combine(FindRepoRoot(), "tools", "NodePeer");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Node_routeros_scenario_passes(bool legacyLogin)
    {
        // node-routeros cannot parse !empty (it throws UNKNOWNREPLY), so the peer talks to a pre-7.18 router.
        using var sim = Sim.Start(o =>
        {
            o.RosVersion = "7.17.2";
            o.LegacyLogin = legacyLogin;
            o.Users = new() { ["api"] = "p@ss=word" };
        });
        AssertScenarioPasses("scenario.js", sim.Port, ExpectedSteps);
    }

    [Fact]
    public void Mikronode_scenario_passes_in_legacy_login_mode()
    {
        // mikronode 2.3.11 implements only the pre-6.43 login (a bare /login, then the MD5 response),
        // so it talks to a router of that era (which also spares it !empty, a parse error to it).
        using var sim = Sim.Start(o =>
        {
            o.RosVersion = "6.42.12";
            o.LegacyLogin = true;
            o.Users = new() { ["api"] = "p@ss=word" };
        });
        AssertScenarioPasses("mikronode-scenario.js", sim.Port, MikronodeSteps);
    }

    private static void AssertScenarioPasses(string script, int port, string[] expectedSteps)
    {
        // Installs exactly the locked client versions (once per run); fails the test if npm cannot.
        (int npmExit, string npmOut) = NpmCi.Value;
        Assert.True(npmExit == 0, "npm ci failed:\n" + npmOut);

        (int exit, string output) = Run("node", $"{script} --host 127.0.0.1 --port {port} --user api --password p@ss=word", PeerDirectory, TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, script + " failed:\n" + output);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("FAIL", StringComparison.Ordinal)).ToArray();
        Assert.Equal(expectedSteps, lines);
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tools", "NodePeer", "scenario.js")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (with tools/NodePeer/scenario.js) not found above " + AppContext.BaseDirectory);
    }

    private static (int Exit, string Output) Run(string file, string arguments, string directory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + file);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out\n{stdout.Result}{stderr.Result}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
