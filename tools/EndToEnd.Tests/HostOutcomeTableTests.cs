using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace EndToEnd.Tests;

/// <summary>
/// The host transports classify through the same table as the board: the same event gives the
/// same outcome (issue 19: the host counted as Timeout what the board called TlsError).
/// </summary>
public class HostOutcomeTableTests
{
    [Fact(Timeout = 60000)]
    public Task PeerResetInTheHandshakeMatchesTheBoard() => E2E.Bounded(() =>
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var resetter = Task.Run(() =>
        {
            using Socket accepted = listener.AcceptSocket();

            // Read the ClientHello first, so the reset lands in the handshake, not the connect.
            accepted.Receive(new byte[4096]);
            accepted.LingerState = new LingerOption(true, 0);
            accepted.Close();
        });
        var e = Assert.Throws<MikrotikException>(() => TlsTransport.Connect(E2E.Host, port, new TlsOptions { AllowAnyCertificate = true }, 5000));
        resetter.Wait();

        // The board reports this as -0x50 (reset) or -0x7280 (closed): both counted.
        Assert.True(TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", -0x50, TransportStage.Handshake) == e.Code, e.Message);
        Assert.Equal(ErrorCode.Timeout, e.Code);
    });

    [Fact]
    public void CertificateRejectionMapsToTheBoardsCode()
    {
        var (type, code, detail) = TlsTransport.Map(new AuthenticationException("remote certificate invalid"), "untrusted");
        Assert.Equal(TransportErrors.TlsCertificateVerifyFailed, code);
        Assert.Equal("untrusted", detail);
        Assert.Equal(ErrorCode.TlsError, TransportOutcomeTable.Outcome(TransportPlatform.Host, type, code, TransportStage.Handshake));
        Assert.Equal(TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", -9984, TransportStage.Handshake),
            TransportOutcomeTable.Outcome(TransportPlatform.Host, type, code, TransportStage.Handshake));
    }

    [Fact]
    public void EndOfStreamAndTimeoutMapLikeTheBoard()
    {
        var eof = TlsTransport.Map(new IOException("Received an unexpected EOF or 0 bytes from the transport stream."), null);
        var cancelled = TlsTransport.Map(new OperationCanceledException(), null);
        Assert.Equal(ErrorCode.Timeout, TransportOutcomeTable.Outcome(TransportPlatform.Host, eof.Type, eof.Code, TransportStage.Handshake));
        Assert.Equal(ErrorCode.Timeout, TransportOutcomeTable.Outcome(TransportPlatform.Host, cancelled.Type, cancelled.Code, TransportStage.Handshake));
    }

    [Fact(Timeout = 60000)]
    public Task RefusedConnectIsTransportErrorAsOnTheBoard() => E2E.Bounded(() =>
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var e = Assert.Throws<MikrotikException>(() => TcpTransport.Connect(E2E.Host, port, 3000));
        Assert.Equal(TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", 10061, TransportStage.Connect), e.Code);
        Assert.Contains("refused", e.Message);
    });
}
