using System.Diagnostics;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace EndToEnd.Tests;

/// <summary>Starting the simulator, connecting clients, and bounding every wait.</summary>
internal static class E2E
{
    public const string Host = "127.0.0.1";
    public const string User = "admin";
    public const string Password = "";

    /// <summary>Upper bound of any one test body; a hang fails the test instead of the run.</summary>
    public static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Where the simulators started by <see cref="StartSim"/> put <c>.tag=</c>. Set by the test
    /// classes' constructors: each scenario class runs twice, once per order (a class and its
    /// <c>...TagLast</c> subclass), so the client is proven against the router's order and the
    /// other one. Safe because tests in this assembly never run in parallel (see above).
    /// </summary>
    public static ReplyTagPosition TagPosition { get; set; } = ReplyTagPosition.AfterReplyWord;

    public static RouterSimulator StartSim(Action<RouterSimulatorOptions>? configure = null)
    {
        var options = new RouterSimulatorOptions
        {
            TagPosition = TagPosition,
            Port = 0,
            RebootDowntime = TimeSpan.FromMilliseconds(300),
            PingInterval = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        var sim = new RouterSimulator(options);
        sim.Start();
        return sim;
    }

    /// <summary>Small timeouts so faults show up quickly; keepalive off unless a test wants it.</summary>
    public static ClientOptions FastOptions()
    {
        return new ClientOptions
        {
            LoginTimeoutMilliseconds = 5000,
            ReadSliceMilliseconds = 20,
            Connection = new ConnectionOptions { KeepaliveIdleMilliseconds = 0 },
        };
    }

    public static TcpTransport Tcp(RouterSimulator sim) => TcpTransport.Connect(Host, sim.Port, 5000);

    public static ApiClient Connect(RouterSimulator sim, ClientOptions? options = null)
    {
        var client = new ApiClient(options ?? FastOptions());
        client.Connect(Tcp(sim), User, Password);
        return client;
    }

    /// <summary>Runs a blocking test body on its own thread and fails if it outlives <see cref="TestLimit"/>.</summary>
    public static Task Bounded(Action body) => Bounded(body, TestLimit);

    public static async Task Bounded(Action body, TimeSpan limit)
    {
        Task task = Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await task.WaitAsync(limit);
    }

    /// <summary>Polls the client until it disconnects or the bound passes.</summary>
    public static void PollUntilDisconnected(ApiClient client, int limitMilliseconds)
    {
        var watch = Stopwatch.StartNew();
        while (client.IsConnected && watch.ElapsedMilliseconds < limitMilliseconds)
        {
            try
            {
                client.Poll(20);
            }
            catch (MikrotikException)
            {
                // Poll reports the connection's end by throwing its code.
            }
        }
    }

    /// <summary>Polls a condition (bounded); used where the simulator acts on its own time.</summary>
    public static void WaitUntil(Func<bool> condition, string what, int timeoutMilliseconds = 10000)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds > timeoutMilliseconds)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            Thread.Sleep(5);
        }
    }

    public static string Identity(ApiClient client) =>
        client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 5000);

    public static int OpenFileDescriptors() => Directory.GetFileSystemEntries("/proc/self/fd").Length;

    /// <summary>What each open descriptor is (socket:[inode], anon_inode:[eventpoll], a path), for messages.</summary>
    public static List<string> FileDescriptorTargets()
    {
        var targets = new List<string>();
        foreach (string fd in Directory.GetFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                targets.Add(new FileInfo(fd).LinkTarget ?? "?");
            }
            catch (IOException)
            {
                // Closed while listing.
            }
        }

        return targets;
    }
}
