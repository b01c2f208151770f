namespace EndToEnd.Tests;

/// <summary>API-SSL: the client over TlsTransport against the simulator's self-signed certificate.</summary>
public class TlsTests
{
    /// <summary>Runs the scenarios against a simulator that tags replies like a router (tag after the reply word).</summary>
    public TlsTests()
        : this(ReplyTagPosition.AfterReplyWord)
    {
    }

    /// <summary>Runs the scenarios against a simulator that writes <c>.tag=</c> at <paramref name="tagPosition"/>.</summary>
    protected TlsTests(ReplyTagPosition tagPosition)
    {
        E2E.TagPosition = tagPosition;
    }

    private static RouterSimulator StartTlsSim(Action<RouterSimulatorOptions>? configure = null) =>
        E2E.StartSim(o =>
        {
            o.TlsPort = 0;
            configure?.Invoke(o);
        });

    [Fact(Timeout = 60000)]
    public Task PinnedCertificateConnectsAndTheClientWorks() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim(o => o.AddressListRows = 5000);
        Assert.NotEqual(0, sim.TlsPort);
        var tls = TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = sim.Certificate }, 5000);
        using var client = new ApiClient(E2E.FastOptions());
        client.Connect(tls, E2E.User, E2E.Password);
        Assert.Equal("MikroTik", E2E.Identity(client));

        // Many reads and TLS records: a long print, then a trap, then more commands.
        var list = new RowTable(new[] { "address" }, 5000, 5000 * 16);
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/ip/firewall/address-list/print"), list, 20000));
        Assert.Equal(5000, list.Count);
        Assert.Equal("10.0.19.136", list.GetString(4999, 0));
        var table = new RowTable(new[] { "name" }, 16, 1024);
        Assert.Equal(ErrorCode.Trap, client.Run(client.NewCommand().Path("/ip/address/add").Attribute("address", "192.168.88.1/24").Attribute("interface", "bridge"), table, 5000));
        Assert.Equal(ErrorCode.None, client.Run(client.NewCommand().Path("/interface/print"), table, 5000));
        Assert.Equal(7, table.Count);

        // The pump over TLS, and a streaming command cancelled by dispose.
        client.StartPump();
        int rows = 0;
        CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow-only"), (c, r) =>
        {
            if (r != null && r.Type == ReplyType.Data)
            {
                Interlocked.Increment(ref rows);
            }
        }, 0);
        E2E.WaitUntil(() =>
        {
            sim.State.AddLog("script,info", "tick");
            return Volatile.Read(ref rows) >= 2;
        }, "log rows over TLS");
        log.Dispose();
        Assert.Equal("MikroTik", E2E.Identity(client));
        client.Close();
        Assert.False(client.IsPumpRunning);
        E2E.WaitUntil(() => sim.SessionCount == 0, "the TLS session to close");
    });

    [Fact(Timeout = 60000)]
    public Task DefaultValidationRejectsTheSelfSignedCertificateWithTlsError() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        var e = Assert.Throws<MikrotikException>(() => TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions(), 5000));
        Assert.Equal(ErrorCode.TlsError, e.Code);
    });

    [Fact(Timeout = 60000)]
    public Task APinnedCertificateThatIsNotTheRoutersIsRejectedWithTlsError() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        using var other = StartTlsSim();
        var e = Assert.Throws<MikrotikException>(() =>
            TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = other.Certificate }, 5000));
        Assert.Equal(ErrorCode.TlsError, e.Code);
    });

    [Fact(Timeout = 60000)]
    public Task AllowAnyCertificateConnectsAndTheClientWorks() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        var tls = TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { AllowAnyCertificate = true }, 5000);
        using var client = new ApiClient(E2E.FastOptions());
        client.Connect(tls, E2E.User, E2E.Password);
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 60000)]
    public Task RouterClosingATlsSessionMidSentenceIsPeerClosed() => E2E.Bounded(() =>
    {
        using var sim = StartTlsSim();
        var tls = TlsTransport.Connect(E2E.Host, sim.TlsPort, new TlsOptions { PinnedCertificate = sim.Certificate }, 5000);
        using var client = new ApiClient(E2E.FastOptions());
        client.Connect(tls, E2E.User, E2E.Password);
        sim.Faults.DropNextReplyMidSentence();
        var table = new RowTable(new[] { "name" }, 16, 1024);
        ErrorCode result = client.Run(client.NewCommand().Path("/interface/print"), table, 5000);

        // A TLS peer that drops the TCP connection without close_notify may surface as a read error.
        Assert.True(result is ErrorCode.PeerClosed or ErrorCode.TransportError, result.ToString());
        Assert.Equal(0, table.Count);
        Assert.False(client.IsConnected);
    });

    /// <summary>The same tests with <c>.tag=</c> as the last word of every reply.</summary>
    public sealed class TagLast : TlsTests
    {
        /// <summary>Selects the tag-last order.</summary>
        public TagLast()
            : base(ReplyTagPosition.Last)
        {
        }
    }
}
