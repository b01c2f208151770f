using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RouterSim.Tests;

/// <summary>The simulator executable as a user starts it: ports on stdout, stopping, the certificate.</summary>
public class CliTests
{
    [Fact]
    public void Cli_keeps_serving_with_stdin_closed_until_sigterm()
    {
        using Process process = Start("--port 0 --tls-port 0 --user u --password p --ros-version 7.17");
        try
        {
            // Standard input ends at once, as for a service or "cmd < /dev/null &".
            process.StandardInput.Close();
            string first = process.StandardOutput.ReadLine() ?? string.Empty;
            string second = process.StandardOutput.ReadLine() ?? string.Empty;
            Assert.Matches(@"^listening on 127\.0\.0\.1:\d+$", first);
            Assert.Matches(@"^listening \(tls\) on 127\.0\.0\.1:\d+$", second);
            int port = int.Parse(first[(first.LastIndexOf(':') + 1)..]);

            Assert.False(process.WaitForExit(TimeSpan.FromSeconds(1)), "the CLI stopped when stdin closed");
            using (var client = RawClient.LoggedIn(port, "u", "p"))
            {
                client.Send("/ip/firewall/address-list/print");
                Assert.Equal(new[] { "!done" }, client.Read()); // 7.17: no !empty
            }

            using (Process term = Process.Start("kill", $"-TERM {process.Id}"))
            {
                term.WaitForExit();
                Assert.Equal(0, term.ExitCode);
            }

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "the CLI did not stop on SIGTERM");
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("stopping", process.StandardOutput.ReadToEnd());
        }
        finally
        {
            Kill(process);
        }
    }

    [Fact]
    public void Cli_exit_on_stdin_eof_keeps_the_old_behaviour()
    {
        using Process process = Start("--port 0 --exit-on-stdin-eof");
        try
        {
            Assert.Matches(@"^listening on 127\.0\.0\.1:\d+$", process.StandardOutput.ReadLine() ?? string.Empty);
            process.StandardInput.Close();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "the CLI did not stop when stdin closed");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            Kill(process);
        }
    }

    [Fact]
    public void Cli_cert_out_writes_the_served_certificate_and_prints_its_fingerprint()
    {
        string file = Path.Combine(Path.GetTempPath(), "routersim-cert-" + Guid.NewGuid().ToString("N") + ".pem");
        using Process process = Start($"--port 0 --tls-port 0 --cert-out \"{file}\"");
        try
        {
            process.StandardOutput.ReadLine();
            string tlsLine = process.StandardOutput.ReadLine() ?? string.Empty;
            string fingerprintLine = process.StandardOutput.ReadLine() ?? string.Empty;
            string writtenLine = process.StandardOutput.ReadLine() ?? string.Empty;
            int tlsPort = int.Parse(tlsLine[(tlsLine.LastIndexOf(':') + 1)..]);
            Assert.Matches("^tls certificate sha256 [0-9A-F]{64}$", fingerprintLine);
            Assert.Equal("tls certificate written to " + file, writtenLine);

            string pem = File.ReadAllText(file);
            Assert.DoesNotContain("PRIVATE KEY", pem);
            using X509Certificate2 written = X509Certificate2.CreateFromPem(pem);
            string fingerprint = written.GetCertHashString(HashAlgorithmName.SHA256);
            Assert.Equal("tls certificate sha256 " + fingerprint, fingerprintLine);

            // The file pins the served certificate: a client that trusts only it logs in.
            using var client = RawClient.ConnectTls(tlsPort, written);
            client.Send("/login", "=name=admin", "=password=");
            Assert.Equal(new[] { "!done" }, client.Read());
        }
        finally
        {
            Kill(process);
            File.Delete(file);
        }
    }

    [Fact]
    public void Cli_cert_out_without_tls_is_an_error()
    {
        using Process process = Start("--port 0 --cert-out /tmp/never-written.pem");
        try
        {
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)));
            Assert.Equal(2, process.ExitCode);
            Assert.Contains("--cert-out needs --tls-port", process.StandardError.ReadToEnd());
        }
        finally
        {
            Kill(process);
        }
    }

    private static Process Start(string arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "RouterSim.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(info)!;
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }
}
