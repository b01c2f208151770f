using System.Security.Cryptography.X509Certificates;

namespace Mikrotik.Nano.Host;

/// <summary>How <see cref="TlsTransport"/> decides to trust the router (API-SSL, port 8729).</summary>
public sealed class TlsOptions
{
    /// <summary>The name the router's certificate must carry; the host name when null.</summary>
    public string? TargetHost { get; set; }

    /// <summary>
    /// Trust only a certificate with this one's public key (the router's own certificate, pinned
    /// by key: a renewal that keeps the key still matches), or one issued by it (a pinned CA; no
    /// issuer certificates are downloaded). Certificate-only PEM is enough:
    /// <c>X509Certificate2.CreateFromPem(File.ReadAllText(path))</c>. When null, the operating
    /// system's trust store decides.
    /// </summary>
    public X509Certificate2? PinnedCertificate { get; set; }

    /// <summary>Explicit opt-in: accept any certificate. Anyone on the path can then impersonate the router.</summary>
    public bool AllowAnyCertificate { get; set; }
}
