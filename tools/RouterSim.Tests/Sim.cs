namespace RouterSim.Tests;

internal static class Sim
{
    public static RouterSimulator Start(Action<RouterSimulatorOptions>? configure = null)
    {
        var options = new RouterSimulatorOptions
        {
            Port = 0,
            RebootDowntime = TimeSpan.FromMilliseconds(300),
            PingInterval = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        var sim = new RouterSimulator(options);
        sim.Start();
        return sim;
    }

    /// <summary>Polls a condition (bounded); used only where the simulator acts on its own time.</summary>
    public static void WaitUntil(Func<bool> condition, string what, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            Thread.Sleep(10);
        }
    }

    public static bool CanConnect(int port)
    {
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            tcp.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
