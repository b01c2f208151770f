using System.Security.Cryptography.X509Certificates;

namespace Mikrotik.Nano.Host;

/// <summary>How <see cref="TlsTransport"/> decides to trust the router (API-SSL, port 8729).</summary>
public sealed class TlsOptions
{
    /// <summary>The name the router's certificate must carry; the host name when null.</summary>
    public string? TargetHost { get; set; }

    /// <summary>
    /// Trust only certificates issued by (or equal to) this one — a pinned CA, e.g. the router's
    /// own self-signed certificate. When null, the operating system's trust store decides.
    /// </summary>
    public X509Certificate2? PinnedCertificate { get; set; }

    /// <summary>Explicit opt-in: accept any certificate. Anyone on the path can then impersonate the router.</summary>
    public bool AllowAnyCertificate { get; set; }
}
