using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EndToEnd.Tests;

/// <summary>
/// TLS failures say what happened, and only an authentication failure is TlsError: a handshake
/// that times out (a plain API port, a hung API-SSL service) or that the peer cuts off is
/// Timeout, so a watchdog counts it. Pinning is by public key.
/// </summary>
public class TlsErrorTests
{
    private static RouterSimulator StartTlsSim() => E2E.StartSim(o => o.TlsPort = 0);

    [Fact(Timeout = 60000)]
    public Task TlsOnThePlainPortTimesOutAndSuggestsThePort() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        var e = Assert.Throws<MikrotikException>(() => TlsTransport.Connect(E2E.Host, sim.Port, new TlsOptions { AllowAnyCertificate = true }, 1500));
        // The plain API reads the ClientHello (random bytes included) as words: it waits for more
        // (handshake timeout), hangs up (peer closed), or answers with an API sentence (not TLS).
        // Silence is Timeout; an answer that is not TLS is a misconfiguration (TlsError). Each
        // message names the API-SSL port.
        if (e.Code == ErrorCode.TlsError)
        {
            Assert.Contains("does not speak TLS", e.Message);
        }
        else
        {
            Assert.Equal(ErrorCode.Timeout, e.Code);
            Assert.Contains("TLS handshake", e.Message);
        }

        Assert.Contains("8729", e.Message);
        Assert.DoesNotContain("anonymous", e.Message);
    });

    [Fact(Timeout = 60000)]
    public Task PeerClosingDuringTheHandshakeIsTimeout() => E2E.Bounded(() =>
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var closer = Task.Run(() =>
        {
            using Socket accepted = listener.AcceptSocket();
            accepted.Close();
        });
        var e = Assert.Throws<MikrotikException>(() => TlsTransport.Connect(E2E.Host, port, new TlsOptions { AllowAnyCertificate = true }, 5000));
        closer.Wait();
        Assert.Equal(ErrorCode.Timeout, e.Code);
        Assert.Contains("during the TLS handshake", e.Message);
    });

    [Fact(Timeout = 60000)]
    public Task UntrustedCertificateSaysUntrusted() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        var e = Assert.Throws<MikrotikException>(() => TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions(), 5000));
        Assert.Equal(ErrorCode.TlsError, e.Code);
        Assert.Contains("untrusted", e.Message);
        Assert.DoesNotContain("anonymous", e.Message);
    });

    [Fact(Timeout = 60000)]
    public Task NameMismatchSaysSo() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        using var ca = CreateCa();
        var e = Assert.Throws<MikrotikException>(() =>
            TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = ca, TargetHost = "router.example" }, 5000));
        Assert.Equal(ErrorCode.TlsError, e.Code);
        Assert.Contains("name mismatch", e.Message);
    });

    [Fact(Timeout = 60000)]
    public Task PinnedKeyAcceptsARenewedCertificate() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();

        // The same key, another certificate (new serial, subject and dates): what a renewal
        // that keeps the key looks like. Pinning compares keys, so it still matches.
        using ECDsa key = sim.Certificate!.GetECDsaPrivateKey()!;
        var request = new CertificateRequest("CN=renewed", key, HashAlgorithmName.SHA256);
        using X509Certificate2 renewed = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using X509Certificate2 pinned = X509CertificateLoader.LoadCertificate(renewed.RawData);

        var tls = TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = pinned }, 5000);
        using var client = new ApiClient(E2E.FastOptions());
        client.Connect(tls, E2E.User, E2E.Password);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task PinnedKeyOfAnotherRouterIsRejectedAndSaysWhy() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        using var ca = CreateCa();
        var e = Assert.Throws<MikrotikException>(() =>
            TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = ca }, 5000));
        Assert.Equal(ErrorCode.TlsError, e.Code);
        Assert.Contains("not the pinned key", e.Message);
    });

    private static X509Certificate2 CreateCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Some Other CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadCertificate(created.RawData);
    }
}
