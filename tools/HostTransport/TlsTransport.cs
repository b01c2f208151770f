using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Mikrotik.Nano.Host;

/// <summary>
/// API-SSL over .NET's SslStream: certificate validation by default, a pinned certificate as an
/// option, and accepting anything only as an explicit opt-in. A router without a certificate
/// offers only anonymous DH ciphers, which .NET refuses: the handshake error says so.
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
    /// <exception cref="MikrotikException"><see cref="ErrorCode.TransportError"/> or <see cref="ErrorCode.TlsError"/>.</exception>
    public static TlsTransport Connect(string host, int port, TlsOptions options, int timeoutMilliseconds)
    {
        Socket socket = HostSockets.Connect(host, port, timeoutMilliseconds);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false, (_, certificate, chain, errors) => Validate(options, certificate, errors));
        try
        {
            using var cancel = new CancellationTokenSource(timeoutMilliseconds);
            var authentication = new SslClientAuthenticationOptions
            {
                TargetHost = options.TargetHost ?? host,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            };
            ssl.AuthenticateAsClientAsync(authentication, cancel.Token).GetAwaiter().GetResult();
            return new TlsTransport(socket, ssl);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            ssl.Dispose();
            HostSockets.Close(socket);
            throw new MikrotikException(ErrorCode.TlsError,
                "TLS handshake with " + host + " failed (" + e.Message + "). A router without a certificate offers only anonymous DH, which is refused: give it a certificate.");
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

    private static bool Validate(TlsOptions options, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (options.AllowAnyCertificate)
        {
            return true;
        }

        if (options.PinnedCertificate == null)
        {
            return errors == SslPolicyErrors.None;
        }

        if (certificate == null)
        {
            return false;
        }

        // The very certificate pinned: its identity is proven by the key, whatever name it carries
        // (routers' self-signed certificates rarely name the address they are reached at).
        using var presented = new X509Certificate2(certificate);
        if (presented.RawDataMemory.Span.SequenceEqual(options.PinnedCertificate.RawDataMemory.Span))
        {
            return true;
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(options.PinnedCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }
}
