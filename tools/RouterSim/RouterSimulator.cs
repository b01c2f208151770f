using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RouterSim;

/// <summary>
/// A simulated MikroTik router speaking the RouterOS API on 127.0.0.1 (and optionally API-SSL).
/// Create, adjust <see cref="State"/> and <see cref="Faults"/>, <see cref="Start"/>, connect to
/// <see cref="Port"/>; dispose to close every socket and background task.
/// </summary>
public sealed class RouterSimulator : IDisposable, IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ApiSession, Task> _sessions = new();
    private readonly List<Task> _tasks = new();
    private Socket? _listener;
    private Socket? _tlsListener;

    // While the router is down the ports stay bound (but not listening): connects are refused,
    // and no other socket on the machine can take the port before the router comes back.
    private Socket? _reserved;
    private Socket? _tlsReserved;
    private bool _started;
    private bool _stopped;
    private int _rebooting;
    private int _sessionCount;
    private int _bootCount;

    /// <summary>Creates a simulator (not yet listening).</summary>
    public RouterSimulator(RouterSimulatorOptions? options = null)
    {
        Options = options ?? new RouterSimulatorOptions();
        Clock = Options.Clock ?? new ScaledClock(Options.TimeScale);
        Faults = new SimulatorFaults(this);
        State = new RouterState(Options, Clock) { NormalCpuLoad = Options.NormalCpuLoad };
        State.CpuLoadOverride = () => Faults.CpuLoad;
        State.FreeMemoryOverride = () => Faults.FreeMemory;
        Commands = CommandRegistry.CreateDefault();
    }

    /// <summary>Raised when the router has come back from a reboot (listening again unless refused).</summary>
    public event Action? Rebooted;

    /// <summary>The options the simulator was created with.</summary>
    public RouterSimulatorOptions Options { get; }

    /// <summary>Time source for uptime, downtime, ping interval and scenarios.</summary>
    public ISimClock Clock { get; }

    /// <summary>Router data (interfaces, addresses, address list, log, identity, ping targets).</summary>
    public RouterState State { get; }

    /// <summary>Fault injection switches.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>The API port (known after <see cref="Start"/>; kept across reboots).</summary>
    public int Port { get; private set; }

    /// <summary>The API-SSL port, or 0 when TLS is off.</summary>
    public int TlsPort { get; private set; }

    /// <summary>The self-signed certificate served on the API-SSL port (pin it in clients), or null.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>True between a reboot's start and the router accepting connections again.</summary>
    public bool IsRebooting => Volatile.Read(ref _rebooting) == 1;

    /// <summary>Whether the API port is accepting connections now (false while rebooting, refusing or
    /// in the moment between the end of a reboot and the listener's return).</summary>
    public bool IsListening
    {
        get
        {
            lock (_gate)
            {
                return _listener != null;
            }
        }
    }

    /// <summary>Number of completed reboots.</summary>
    public int BootCount => Volatile.Read(ref _bootCount);

    /// <summary>Open API sessions.</summary>
    public int SessionCount => Volatile.Read(ref _sessionCount);

    internal CommandRegistry Commands { get; }

    /// <summary>Binds the listeners. Throws if a requested port is taken.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_started)
            {
                throw new InvalidOperationException("already started");
            }

            _started = true;
            Port = Options.Port;
            if (Options.TlsPort.HasValue)
            {
                TlsPort = Options.TlsPort.Value;
                Certificate = CreateCertificate();
            }
        }

        ReconcileListeners(closeSessions: false);
    }

    /// <summary>Reboots as if <c>/system/reboot</c> was run: drops sessions, refuses connections for
    /// <see cref="RouterSimulatorOptions.RebootDowntime"/>, then comes back with uptime reset.
    /// Completes when the router is back (or immediately if a reboot is already running).</summary>
    public Task RebootAsync()
    {
        if (Interlocked.CompareExchange(ref _rebooting, 1, 0) != 0)
        {
            return Task.CompletedTask;
        }

        Task task = Task.Run(RebootCoreAsync);
        Track(task);
        return task;
    }

    /// <summary>Runs a scenario on this simulator's clock. With <paramref name="autoRun"/> false the
    /// caller drives it with <see cref="ScenarioRunner.ApplyDue"/> (deterministic tests).</summary>
    public ScenarioRunner RunScenario(Scenario scenario, bool autoRun = true)
    {
        var runner = new ScenarioRunner(this, scenario);
        if (autoRun)
        {
            Track(runner.RunAsync(_stopping.Token));
        }

        return runner;
    }

    /// <summary>Closes listeners and sessions and waits for background work to end.</summary>
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    /// <summary>Asynchronous <see cref="Stop"/>.</summary>
    public async Task StopAsync()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        _stopping.Cancel();
        StopListeners(reservePorts: false);
        CloseSessions();
        Task[] pending;
        lock (_gate)
        {
            pending = _tasks.Concat(_sessions.Values).ToArray();
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch
        {
            // Tasks end by cancellation; a timeout here would mean a bug, not a reason to hang Dispose.
        }

        Certificate?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Starts a reboot in the background (used by /system/reboot and scenarios).</summary>
    internal void BeginReboot() => _ = RebootAsync();

    /// <summary>Listens exactly when started, not stopped, not rebooting and not refusing.</summary>
    internal void ReconcileListeners(bool closeSessions)
    {
        lock (_gate)
        {
            bool listen = _started && !_stopped && !IsRebooting && !Faults.RefuseConnections;
            if (listen && _listener == null)
            {
                _listener = Listen(Port, ref _reserved);
                Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
                Track(AcceptLoopAsync(_listener, tls: false));
                if (Certificate != null)
                {
                    _tlsListener = Listen(TlsPort, ref _tlsReserved);
                    TlsPort = ((IPEndPoint)_tlsListener.LocalEndPoint!).Port;
                    Track(AcceptLoopAsync(_tlsListener, tls: true));
                }
            }
            else if (!listen)
            {
                StopListeners(reservePorts: !_stopped);
            }
        }

        if (closeSessions)
        {
            CloseSessions();
        }
    }

    private static Socket Listen(int port, ref Socket? reserved)
    {
        Socket socket = reserved ?? Bind(port);
        reserved = null;
        socket.Listen(64);
        return socket;
    }

    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        // The same port is bound again after a reboot while old connections may sit in TIME_WAIT.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    private void StopListeners(bool reservePorts)
    {
        lock (_gate)
        {
            _listener = Close(_listener, reservePorts, ref _reserved);
            _tlsListener = Close(_tlsListener, reservePorts, ref _tlsReserved);
            if (!reservePorts)
            {
                _reserved?.Dispose();
                _reserved = null;
                _tlsReserved?.Dispose();
                _tlsReserved = null;
            }
        }
    }

    private static Socket? Close(Socket? listener, bool reserve, ref Socket? reserved)
    {
        if (listener == null)
        {
            return null;
        }

        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        listener.Dispose();
        if (reserve && reserved == null)
        {
            try
            {
                reserved = Bind(port);
            }
            catch (SocketException)
            {
                // Someone took the port in the instant it was free; the restart will report it.
            }
        }

        return null;
    }

    private void CloseSessions()
    {
        foreach (ApiSession session in _sessions.Keys)
        {
            session.Abort();
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _tasks.RemoveAll(t => t.IsCompleted);
            _tasks.Add(task);
        }
    }

    private async Task AcceptLoopAsync(Socket listener, bool tls)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            socket.NoDelay = true;
            if (Interlocked.Increment(ref _sessionCount) > Options.MaxSessions)
            {
                // RouterOS accepts, then closes at once when max-sessions is reached.
                Interlocked.Decrement(ref _sessionCount);
                socket.Close();
                continue;
            }

            Track(RunSessionAsync(socket, tls));
        }
    }

    private async Task RunSessionAsync(Socket socket, bool tls)
    {
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        ApiSession? session = null;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                handshake.CancelAfter(TimeSpan.FromSeconds(10));
                await ssl.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions
                    {
                        ServerCertificate = Certificate,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                        ClientCertificateRequired = false,
                    },
                    handshake.Token).ConfigureAwait(false);
            }

            session = new ApiSession(this, socket, stream);
            _sessions[session] = finished.Task;
            if (_stopping.IsCancellationRequested || IsRebooting)
            {
                session.Abort();
            }

            await session.RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // TLS handshake failed or the connection died before a session existed.
        }
        finally
        {
            if (session != null)
            {
                _sessions.TryRemove(session, out _);
            }

            await stream.DisposeAsync().ConfigureAwait(false);
            Interlocked.Decrement(ref _sessionCount);
            finished.TrySetResult();
        }
    }

    private async Task RebootCoreAsync()
    {
        try
        {
            // Let the reply to /system/reboot reach the client before the connection drops.
            await Task.Delay(50, _stopping.Token).ConfigureAwait(false);

            // The end of the downtime is fixed before the listener closes, so a test that
            // advances a manual clock as soon as connections are refused cannot race past it.
            TimeSpan backAt = Clock.Now + Options.RebootDowntime;
            ReconcileListeners(closeSessions: true);
            await Clock.DelayUntil(backAt, _stopping.Token).ConfigureAwait(false);
            State.OnBoot();
            Faults.OnRebooted();
            Interlocked.Increment(ref _bootCount);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            Volatile.Write(ref _rebooting, 0);
        }

        // Binding can fail if another process grabbed the port while we were down; keep trying
        // briefly rather than staying dead silently.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                ReconcileListeners(closeSessions: false);
                break;
            }
            catch (SocketException) when (attempt < 50 && !_stopping.IsCancellationRequested)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        Rebooted?.Invoke();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=RouterSim", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using X509Certificate2 created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
