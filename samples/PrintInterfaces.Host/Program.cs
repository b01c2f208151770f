using System;
using Mikrotik.Nano;
using Mikrotik.Nano.Host;
using Mikrotik.Nano.Samples;

namespace Samples.PrintInterfaces;

/// <summary>Example 1 in a console: <c>dotnet run --project samples/PrintInterfaces.Host -- [host] [port] [user] [password]</c>.</summary>
public static class Program
{
    /// <summary>Connects over TCP (API port 8728) and prints the Ethernet and VLAN interfaces.</summary>
    /// <param name="args">host (127.0.0.1), port (8728), user (admin), password (empty).</param>
    /// <returns>0 when the print completed.</returns>
    public static int Main(string[] args)
    {
        string host = args.Length > 0 ? args[0] : "127.0.0.1";
        int port = args.Length > 1 ? int.Parse(args[1]) : 8728;
        string user = args.Length > 2 ? args[2] : "admin";
        string password = args.Length > 3 ? args[3] : "";
        try
        {
            using var client = new ApiClient(new ClientOptions());
            client.Connect(TcpTransport.Connect(host, port, 5000), user, password);
            return InterfaceList.Print(client) ? 0 : 1;
        }
        catch (MikrotikException e)
        {
            // Connect and login failures: an ErrorCode to switch on, and the reason.
            Console.WriteLine("router: " + ErrorCodes.NameOf(e.Code) + ": " + e.Message);
            return 2;
        }
    }
}
