using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Mikrotik.Nano.Host;

/// <summary>
/// API-SSL over .NET's SslStream: certificate validation by default, a pinned key (or CA) as an
/// option, and accepting anything only as an explicit opt-in. Errors say the real cause: the
/// certificate untrusted or for another name, a handshake that timed out (likely a plain API
/// port), the peer closing during the handshake, or a router refusing it (anonymous DH only).
/// </summary>
public sealed class TlsTransport : ITransport
{
    private readonly Socket _socket;
    private readonly SslStream _ssl;
    private readonly byte[] _chunk = new byte[16384];
    private Task<int>? _pending;
    private int _chunkOffset;
    private int _chunkCount;
    private int _closed;

    private TlsTransport(Socket socket, SslStream ssl)
    {
        _socket = socket;
        _ssl = ssl;
    }

    /// <summary>Connects and completes the TLS handshake within <paramref name="timeoutMilliseconds"/>.</summary>
    /// <exception cref="MikrotikException">Classified as the device transports are (see <see cref="TransportErrors"/>):
    /// <see cref="ErrorCode.TlsError"/> only when the router's certificate (or the handshake itself) is refused;
    /// <see cref="ErrorCode.Timeout"/> when the handshake times out or the peer drops it (the service is not answering);
    /// <see cref="ErrorCode.TransportError"/> when the TCP connection cannot be made.</exception>
    public static TlsTransport Connect(string host, int port, TlsOptions options, int timeoutMilliseconds)
    {
        Socket socket = HostSockets.Connect(host, port, timeoutMilliseconds);
        var verdict = new Verdict();
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false,
            (_, certificate, _, errors) => Validate(options, certificate, errors, verdict));
        try
        {
            using var cancel = new CancellationTokenSource(timeoutMilliseconds);
            var authentication = new SslClientAuthenticationOptions
            {
                TargetHost = options.TargetHost ?? host,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,

                // SslStream builds a chain of its own before the check below: it must not fetch
                // issuers from URLs the peer's certificate names (AIA), nor revocation lists.
                CertificateChainPolicy = new X509ChainPolicy
                {
                    DisableCertificateDownloads = true,
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            };
            ssl.AuthenticateAsClientAsync(authentication, cancel.Token).GetAwaiter().GetResult();
            return new TlsTransport(socket, ssl);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or SocketException)
        {
            ssl.Dispose();
            HostSockets.Close(socket);
            throw Classify(e, verdict.Rejection, host, port);
        }
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
    {
        if (_chunkCount == 0)
        {
            // SslStream has no safe read timeout: keep one read outstanding and wait on it.
            _pending ??= _ssl.ReadAsync(_chunk, 0, _chunk.Length);
            if (!_pending.Wait(Math.Max(0, timeoutMilliseconds)))
            {
                return -1;
            }

            int n = _pending.Result;
            _pending = null;
            if (n == 0)
            {
                return 0;
            }

            _chunkOffset = 0;
            _chunkCount = n;
        }

        int take = Math.Min(count, _chunkCount);
        Array.Copy(_chunk, _chunkOffset, buffer, offset, take);
        _chunkOffset += take;
        _chunkCount -= take;
        return take;
    }

    /// <inheritdoc />
    public void Write(byte[] buffer, int offset, int count)
    {
        _ssl.Write(buffer, offset, count);
    }

    /// <inheritdoc />
    public void Flush()
    {
        _ssl.Flush();
    }

    /// <inheritdoc />
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            HostSockets.Close(_socket);
            _ssl.Dispose();
        }
    }

    // The certificate check's own reason for a rejection, so that the error says what was wrong.
    private sealed class Verdict
    {
        public string? Rejection;
    }

    // .NET's errors mapped to the names and codes nanoFramework would give for the same event,
    // then classified by the shared TransportOutcomeTable (the board decides the same way).
    private static MikrotikException Classify(Exception e, string? rejection, string host, int port)
    {
        (string type, int code, string? detail) = Map(e, rejection);
        return TransportErrors.Classify(TransportPlatform.Host, type, code, TransportStage.Handshake, host, port, detail);
    }

    /// <summary>The (type name, code) the shared table reads for a host handshake failure, and a detail for the message.</summary>
    internal static (string Type, int Code, string? Detail) Map(Exception e, string? rejection)
    {
        if (rejection != null)
        {
            // Our certificate check refused it: the event nanoFramework reports as -9984.
            return ("SocketException", TransportErrors.TlsCertificateVerifyFailed, rejection);
        }

        if (e is OperationCanceledException)
        {
            return ("OperationCanceledException", 0, null);
        }

        // .NET wraps socket errors and EOF in IOException; the innermost exception tells which.
        Exception inner = e;
        while (inner.InnerException != null)
        {
            inner = inner.InnerException;
        }

        if (inner is SocketException socket)
        {
            return ("SocketException", WinSockCode(socket), null);
        }

        string message = e.Message ?? string.Empty;
        // What .NET says when the peer answers with something that is not TLS (e.g. the plain API).
        if (message.Contains("unexpected packet format", StringComparison.OrdinalIgnoreCase)
            || message.Contains("wrong version", StringComparison.OrdinalIgnoreCase)
            || message.Contains("corrupted frame", StringComparison.OrdinalIgnoreCase)
            || message.Contains("frame size", StringComparison.OrdinalIgnoreCase))
        {
            return ("SocketException", TransportErrors.TlsInvalidRecord, null);
        }

        if (e is AuthenticationException)
        {
            // Not our certificate check: the router refused the handshake (it sent an alert).
            bool noCipher = message.Contains("HandshakeFailure", StringComparison.OrdinalIgnoreCase)
                || message.Contains("handshake failure", StringComparison.OrdinalIgnoreCase)
                || message.Contains("cipher", StringComparison.OrdinalIgnoreCase);
            return noCipher ? ("SocketException", TransportErrors.TlsNoCipherChosen, null) : ("AuthenticationException", 0, message);
        }

        // End of stream or a reset in the middle of the handshake: the service is not answering.
        return ("IOException", 0, null);
    }

    /// <summary>The WinSock number nanoFramework would report for a .NET socket error.</summary>
    internal static int WinSockCode(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.TimedOut => TransportErrors.SocketTimedOut,
        SocketError.ConnectionReset => TransportErrors.SocketConnectionReset,
        SocketError.ConnectionAborted => TransportErrors.SocketConnectionAborted,
        SocketError.ConnectionRefused => TransportErrors.SocketConnectionRefused,
        SocketError.HostNotFound => TransportErrors.SocketHostNotFound,
        _ => (int)socket.SocketErrorCode,
    };

    private static bool Validate(TlsOptions options, X509Certificate? certificate, SslPolicyErrors errors, Verdict verdict)
    {
        if (options.AllowAnyCertificate)
        {
            return true;
        }

        if (options.PinnedCertificate == null)
        {
            verdict.Rejection = errors == SslPolicyErrors.None ? null : Describe(errors);
            return errors == SslPolicyErrors.None;
        }

        if (certificate == null)
        {
            verdict.Rejection = "no certificate presented";
            return false;
        }

        // Pinned by public key: the router's key proves its identity whatever name, dates or
        // serial its certificate carries (routers' self-signed certificates rarely name the address
        // they are reached at, and a renewed certificate usually keeps its key).
        using var presented = new X509Certificate2(certificate);
        if (SamePublicKey(presented, options.PinnedCertificate))
        {
            return true;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            verdict.Rejection = "name mismatch (the certificate does not name " + (options.TargetHost ?? "the host") + ")";
            return false;
        }

        // Otherwise the pin is a CA: the chain must end in it. Nothing is fetched from the URLs
        // the peer's certificate names (no AIA downloads), no revocation lookups.
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(options.PinnedCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (chain.Build(presented))
        {
            return true;
        }

        verdict.Rejection = "not the pinned key and not issued by the pinned CA";
        return false;
    }

    private static bool SamePublicKey(X509Certificate2 a, X509Certificate2 b) =>
        a.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(b.PublicKey.ExportSubjectPublicKeyInfo());

    private static string Describe(SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "no certificate presented";
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return "name mismatch";
        }

        return "untrusted (not signed by a CA this machine trusts, or expired): pin it";
    }
}
