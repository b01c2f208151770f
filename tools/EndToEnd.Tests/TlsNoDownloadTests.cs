using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EndToEnd.Tests;

/// <summary>
/// A pinned CA never makes the client fetch what the peer points at: a router certificate whose
/// issuer is missing, with an "issuer at this URL" extension, is refused without a single request
/// to that URL.
/// </summary>
public class TlsNoDownloadTests
{
    [Fact(Timeout = 60000)]
    public Task MissingIssuerIsNotDownloadedFromThePeersUrl() => E2E.Bounded(() =>
    {
        // Where the peer says its issuer can be fetched: counts every connection.
        using var web = new TcpListener(IPAddress.Loopback, 0);
        web.Start();
        int requests = 0;
        var counting = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    using Socket s = web.AcceptSocket();
                    Interlocked.Increment(ref requests);
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
        string url = "http://127.0.0.1:" + ((IPEndPoint)web.LocalEndpoint).Port + "/issuer.cer";

        using ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using ECDsa midKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using ECDsa leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        DateTimeOffset from = DateTimeOffset.UtcNow.AddDays(-1), to = DateTimeOffset.UtcNow.AddYears(1);

        var rootRequest = new CertificateRequest("CN=Pinned Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using X509Certificate2 root = rootRequest.CreateSelfSigned(from, to);

        var midRequest = new CertificateRequest("CN=Missing Intermediate", midKey, HashAlgorithmName.SHA256);
        midRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        midRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using X509Certificate2 midPublic = midRequest.Create(root, from, to, new byte[] { 1, 2, 3, 4 });
        using X509Certificate2 mid = midPublic.CopyWithPrivateKey(midKey);

        var leafRequest = new CertificateRequest("CN=router", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(san.Build());
        leafRequest.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(null, new[] { url }));
        using X509Certificate2 leafPublic = leafRequest.Create(mid, from, to, new byte[] { 5, 6, 7, 8 });
        using X509Certificate2 leafWithKey = leafPublic.CopyWithPrivateKey(leafKey);
        using X509Certificate2 leaf = X509CertificateLoader.LoadPkcs12(leafWithKey.Export(X509ContentType.Pfx), null);

        // A TLS server that sends the leaf only (no intermediate), without building a chain itself.
        using var tls = new TcpListener(IPAddress.Loopback, 0);
        tls.Start();
        int port = ((IPEndPoint)tls.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using Socket s = await tls.AcceptSocketAsync();
            using var stream = new SslStream(new NetworkStream(s, ownsSocket: true));
            try
            {
                await stream.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificateContext = SslStreamCertificateContext.Create(leaf, new X509Certificate2Collection(), offline: true),
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                });
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                // The client refused the certificate.
            }
        });

        using X509Certificate2 pinned = X509CertificateLoader.LoadCertificate(root.RawData);
        var e = Assert.Throws<MikrotikException>(() => TlsTransport.Connect(E2E.Host, port, new TlsOptions { PinnedCertificate = pinned }, 10000));
        server.Wait(10000);
        Assert.Equal(ErrorCode.TlsError, e.Code);
        Assert.Contains("not issued by the pinned CA", e.Message);
        Assert.Equal(0, Volatile.Read(ref requests));
        web.Stop();
        counting.Wait(5000);
    });
}
