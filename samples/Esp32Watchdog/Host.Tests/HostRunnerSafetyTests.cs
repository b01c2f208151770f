using System.Security.Cryptography.X509Certificates;
using RouterSim;
using WatchdogHost;
using Xunit;

namespace WatchdogHost.Tests;

/// <summary>
/// The host runner against real routers: API-SSL by default, plaintext only when asked (and
/// warned about on every connect), no password on the command line, --ca with certificate-only
/// PEM (pinned by key), --ca with --insecure refused, UNVERIFIED TLS said loudly, and errors that
/// say which port is which.
/// </summary>
public class HostRunnerSafetyTests
{
    private const string Password = "pw-for-tests";

    private static RouterSimulator StartSim()
    {
        var sim = new RouterSimulator(new RouterSimulatorOptions
        {
            Port = 0,
            TlsPort = 0,
            Users = new(StringComparer.Ordinal) { ["watchdog"] = Password },
            PingInterval = TimeSpan.FromMilliseconds(5),
        });
        sim.Start();
        return sim;
    }

    // Runs the real-router mode for a few seconds; the password comes from the "environment".
    private static (int Exit, string Output) RunFor(int seconds, params string[] args)
    {
        var output = new StringWriter();
        var parsed = Arguments.Parse(args.Concat(new[] { "--duration", seconds.ToString(), "--interval", "1" }).ToArray());
        int exit = RealRouterRun.Run(parsed, output, name => name == Arguments.PasswordVariable ? Password : null, () => null, null);
        return (exit, output.ToString());
    }

    [Fact]
    public void TlsIsTheDefaultAndPlaintextIsExplicit()
    {
        var tls = Arguments.Parse(new[] { "--router", "192.0.2.1", "--user", "u" });
        Assert.True(tls.Tls);
        Assert.False(tls.Plaintext);

        var plain = Arguments.Parse(new[] { "--router", "192.0.2.1", "--user", "u", "--plaintext" });
        Assert.False(plain.Tls);
        Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--router", "r", "--user", "u", "--plaintext", "--ca", "x.pem" }));
        Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--router", "r", "--user", "u", "--plaintext", "--insecure" }));
    }

    [Fact]
    public void PasswordOnTheCommandLineIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--router", "r", "--user", "u", "--password", "secret" }));
        Assert.Contains("ps", e.Message);
        Assert.Contains("--password-file", e.Message);
    }

    [Fact]
    public void NoDefaultUser()
    {
        Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--router", "r" }));
    }

    [Fact]
    public void CaWithInsecureIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Arguments.Parse(new[] { "--router", "r", "--user", "u", "--ca", "router.pem", "--insecure" }));
        Assert.Contains("pin", e.Message);
    }

    [Fact]
    public void PasswordComesFromFileThenEnvironmentThenPrompt()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "from-file\n");
            var withFile = Arguments.Parse(new[] { "--router", "r", "--user", "u", "--password-file", file });
            Assert.Equal("from-file", withFile.ReadPassword(_ => "from-env", () => "typed"));

            var without = Arguments.Parse(new[] { "--router", "r", "--user", "u" });
            Assert.Equal("from-env", without.ReadPassword(n => n == "MIKROTIK_PASSWORD" ? "from-env" : null, () => "typed"));
            Assert.Equal("typed", without.ReadPassword(_ => null, () => "typed"));
            Assert.Throws<ArgumentException>(() => without.ReadPassword(_ => null, () => null));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task CertificateOnlyPemPinsTheRouter() => await Task.Run(() =>
    {
        using var sim = StartSim();
        string pem = Path.GetTempFileName();
        try
        {
            // The README's example: the router's own certificate, exported without its key.
            File.WriteAllText(pem, sim.Certificate!.ExportCertificatePem());
            var (exit, output) = RunFor(3, "--router", "127.0.0.1:" + sim.TlsPort, "--user", "watchdog", "--ca", pem);
            Assert.Equal(0, exit);
            Assert.Contains("API-SSL, pinned", output);
            Assert.Contains("api ok", output);
            Assert.DoesNotContain("UNVERIFIED", output);
            Assert.DoesNotContain("PlaintextConnect", output);
        }
        finally
        {
            File.Delete(pem);
        }
    });

    [Fact]
    public void CaFileWithoutACertificateIsASetupError()
    {
        string pem = Path.GetTempFileName();
        try
        {
            File.WriteAllText(pem, "not a certificate");
            var output = new StringWriter();
            var args = Arguments.Parse(new[] { "--router", "127.0.0.1", "--user", "u", "--ca", pem });
            Assert.Equal(2, RealRouterRun.Run(args, output, _ => "pw", () => null, null));
            Assert.Contains("no usable certificate", output.ToString());
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task InsecureSaysUnverifiedTlsLoudly() => await Task.Run(() =>
    {
        using var sim = StartSim();
        var (exit, output) = RunFor(2, "--router", "127.0.0.1:" + sim.TlsPort, "--user", "watchdog", "--insecure");
        Assert.Equal(0, exit);
        Assert.Contains("!!! UNVERIFIED TLS", output);
        Assert.Contains("api ok", output);
    });

    [Fact(Timeout = 60000)]
    public async Task PlaintextWarnsOnEveryConnect() => await Task.Run(() =>
    {
        using var sim = StartSim();
        var (exit, output) = RunFor(2, "--router", "127.0.0.1:" + sim.Port, "--user", "watchdog", "--plaintext");
        Assert.Equal(0, exit);
        Assert.Contains("PASSWORD IN CLEAR", output);
        Assert.Contains("PlaintextConnect: plain API: the password crosses the network in clear", output);
    });

    [Fact(Timeout = 60000)]
    public async Task TlsClientOnThePlainPortIsToldThePort() => await Task.Run(() =>
    {
        using var sim = StartSim();
        var (_, output) = RunFor(2, "--router", "127.0.0.1:" + sim.Port, "--user", "watchdog", "--insecure");

        // Silence (handshake timeout), a hang-up, or an API answer that is not TLS: each says the port.
        Assert.True(output.Contains("TLS handshake") || output.Contains("does not speak TLS"), output);
        Assert.Contains("8729", output);
        Assert.DoesNotContain("anonymous DH", output);
    });

    [Fact(Timeout = 60000)]
    public async Task PlainClientOnTheTlsPortIsToldThePort() => await Task.Run(() =>
    {
        using var sim = StartSim();
        var (_, output) = RunFor(2, "--router", "127.0.0.1:" + sim.TlsPort, "--user", "watchdog", "--plaintext");
        Assert.Contains("TLS (API-SSL) port?", output);
    });

    [Fact(Timeout = 60000)]
    public async Task UntrustedCertificateSaysSo() => await Task.Run(() =>
    {
        using var sim = StartSim();
        var (_, output) = RunFor(2, "--router", "127.0.0.1:" + sim.TlsPort, "--user", "watchdog");
        Assert.Contains("certificate rejected", output);
        Assert.Contains("TlsRejected", output);
        Assert.DoesNotContain("anonymous DH", output);
    });
}
