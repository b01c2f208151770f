using System;
using Mikrotik.Nano;
using Mikrotik.Nano.Host;
using Mikrotik.Nano.Samples;

namespace Samples.FollowLog;

/// <summary>Example 2 in a console: <c>dotnet run --project samples/FollowLog.Host -- [host] [port] [user] [password] [seconds]</c>.</summary>
public static class Program
{
    /// <summary>Connects over TCP, follows the log for a few seconds, cancels it and reads the identity.</summary>
    /// <param name="args">host (127.0.0.1), port (8728), user (admin), password (empty), seconds (5).</param>
    /// <returns>0 when the connection was still usable after the cancel.</returns>
    public static int Main(string[] args)
    {
        string host = args.Length > 0 ? args[0] : "127.0.0.1";
        int port = args.Length > 1 ? int.Parse(args[1]) : 8728;
        string user = args.Length > 2 ? args[2] : "admin";
        string password = args.Length > 3 ? args[3] : "";
        int seconds = args.Length > 4 ? int.Parse(args[4]) : 5;
        try
        {
            // Dispose (end of the using) closes the client and joins the pump thread.
            using var client = new ApiClient(new ClientOptions());
            client.Connect(TcpTransport.Connect(host, port, 5000), user, password);
            return LogFollower.Follow(client, seconds * 1000) != null ? 0 : 1;
        }
        catch (MikrotikException e)
        {
            Console.WriteLine("router: " + ErrorCodes.NameOf(e.Code) + ": " + e.Message);
            return 2;
        }
    }
}
