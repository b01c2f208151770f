using System.Diagnostics;
using Xunit.Abstractions;

namespace EndToEnd.Tests;

/// <summary>Thousands of commands over many reconnects leave no memory, thread or socket behind.</summary>
public class SoakTests
{
    private const int Connections = 20;
    private const int CommandsPerConnection = 250;
    private readonly ITestOutputHelper _output;

    public SoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static int ThreadCount()
    {
        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }

    // Thread-pool workers come and go with the in-process simulator's async I/O (the pool retires
    // idle ones later); every other thread, the client's pump included, must be back to its count.
    private static int NonPoolThreadCount() =>
        Directory.GetDirectories("/proc/self/task").Count(t => !File.ReadAllText(Path.Combine(t, "comm")).StartsWith(".NET TP Worker", StringComparison.Ordinal));

    /// <summary>Threads by kernel name (.NET names its pool threads; an unnamed Thread shows the process name).</summary>
    private static string ThreadNames() =>
        string.Join(", ", Directory.GetDirectories("/proc/self/task")
            .Select(t => File.ReadAllText(Path.Combine(t, "comm")).Trim())
            .GroupBy(n => n).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count()));

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>One connection's worth of commands; even connections pump, odd ones poll on this thread.</summary>
    private static int RunConnection(RouterSimulator sim, ApiClient client, int index, RowTable identity, RowTable interfaces, RowTable trap, out long polledAllocated)
    {
        polledAllocated = 0;
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        bool pumped = index % 2 == 0;
        if (pumped)
        {
            client.StartPump();
        }

        int failures = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < CommandsPerConnection; i++)
        {
            if (i % 2 == 0)
            {
                if (client.Run(client.NewCommand().Path("/system/identity/print"), identity, 5000) != ErrorCode.None
                    || identity.Count != 1 || !identity.ValueEquals(0, 0, "MikroTik"))
                {
                    failures++;
                }
            }
            else if (pumped && i % 25 == 1)
            {
                // A trap now and then (its message is a string: only on pumped connections, which are not measured).
                if (client.Run(client.NewCommand().Path("/ip/address/add").Attribute("address", "192.168.88.1/24").Attribute("interface", "bridge"), trap, 5000) != ErrorCode.Trap)
                {
                    failures++;
                }
            }
            else
            {
                if (client.Run(client.NewCommand().Path("/interface/print").Proplist("name,running"), interfaces, 5000) != ErrorCode.None
                    || interfaces.Count != 7 || !interfaces.ValueEquals(6, 0, "bridge"))
                {
                    failures++;
                }
            }
        }

        if (!pumped)
        {
            polledAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Alternate the ways a connection ends: closed here, or dropped by the router.
        if (index % 4 == 3)
        {
            sim.Faults.DropNextReplyMidSentence();
            if (client.Run(client.NewCommand().Path("/interface/print"), interfaces, 5000) != ErrorCode.PeerClosed)
            {
                failures++;
            }

            client.StopPump();
        }
        else
        {
            client.Close();
        }

        if (client.IsPumpRunning || client.IsConnected)
        {
            failures++;
        }

        return failures;
    }

    [Fact(Timeout = 120000)]
    public Task FiveThousandCommandsOverTwentyReconnectsLeakNoMemoryThreadsOrSockets() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim();
        var client = new ApiClient(E2E.FastOptions());
        var identity = new RowTable(new[] { "name" }, 1, 64);
        var interfaces = new RowTable(new[] { "name", "running" }, 8, 512);
        var trap = new RowTable(new[] { "ret" }, 1, 64);

        // Warm up (JIT, thread pool, the simulator's caches), then take the baseline.
        RunConnection(sim, client, 0, identity, interfaces, trap, out _);
        RunConnection(sim, client, 1, identity, interfaces, trap, out _);
        E2E.WaitUntil(() => sim.SessionCount == 0, "warm-up sessions to close");
        Settle();
        long memoryBefore = GC.GetTotalMemory(true);
        int threadsBefore = ThreadCount();
        string namesBefore = ThreadNames();
        int ownThreadsBefore = NonPoolThreadCount();
        int fdsBefore = E2E.OpenFileDescriptors();

        int failures = 0;
        long polledAllocated = 0;
        int polledCommands = 0;
        var watch = Stopwatch.StartNew();
        for (int c = 0; c < Connections; c++)
        {
            failures += RunConnection(sim, client, c, identity, interfaces, trap, out long allocated);
            if (c % 2 == 1)
            {
                polledAllocated += allocated;
                polledCommands += CommandsPerConnection;
            }
        }

        long elapsed = watch.ElapsedMilliseconds;
        E2E.WaitUntil(() => sim.SessionCount == 0, "every session to close");
        Settle();
        long memoryAfter = GC.GetTotalMemory(true);
        int threadsAfter = ThreadCount();
        string namesAfter = ThreadNames();
        int ownThreadsAfter = NonPoolThreadCount();

        // The measure sees a pump thread: one more while a pump runs, none once it is stopped.
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        client.StartPump();
        int withPump = NonPoolThreadCount();
        client.Close();
        int afterPump = NonPoolThreadCount();
        int fdsAfter = E2E.OpenFileDescriptors();

        _output.WriteLine($"{Connections * CommandsPerConnection} commands over {Connections} connections in {elapsed} ms");
        _output.WriteLine($"polling thread: {polledAllocated} bytes over {polledCommands} polled commands ({(double)polledAllocated / polledCommands:F1} B/command)");
        _output.WriteLine($"memory {memoryBefore} -> {memoryAfter} ({memoryAfter - memoryBefore:+#;-#;0} B); threads {threadsBefore} -> {threadsAfter} (not pool workers: {ownThreadsBefore} -> {ownThreadsAfter}); fds {fdsBefore} -> {fdsAfter}");

        _output.WriteLine("threads before: " + namesBefore);
        _output.WriteLine("threads after:  " + namesAfter);
        Assert.Equal(0, failures);
        Assert.Equal(0, client.UnroutedReplyCount);
        Assert.False(client.IsPumpRunning);
        Assert.Equal(0, sim.SessionCount);
        Assert.Equal(0L, polledAllocated);
        Assert.True(memoryAfter - memoryBefore < 256 * 1024, $"managed memory grew by {memoryAfter - memoryBefore} bytes");
        Assert.Equal(ownThreadsBefore, ownThreadsAfter);
        Assert.Equal(ownThreadsAfter + 1, withPump);
        Assert.Equal(ownThreadsAfter, afterPump);
        Assert.True(fdsAfter <= fdsBefore + 2, $"file descriptors {fdsBefore} -> {fdsAfter}");
    });
}
