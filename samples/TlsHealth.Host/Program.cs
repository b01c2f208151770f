using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using Mikrotik.Nano;
using Mikrotik.Nano.Host;
using Mikrotik.Nano.Samples;

namespace Samples.TlsHealth;

/// <summary>Example 3 in a console: <c>dotnet run --project samples/TlsHealth.Host -- router.pem [host] [port] [user] [password]</c>.</summary>
public static class Program
{
    /// <summary>Connects over API-SSL trusting only the given certificate, and prints uptime and cpu-load.</summary>
    /// <param name="args">the router's certificate (PEM file), host (127.0.0.1), port (8729), user (admin), password (empty).</param>
    /// <returns>0 when both values were read.</returns>
    public static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.WriteLine("usage: TlsHealth.Host router.pem [host] [port] [user] [password]");
            return 3;
        }

        string host = args.Length > 1 ? args[1] : "127.0.0.1";
        int port = args.Length > 2 ? int.Parse(args[2]) : 8729;
        string user = args.Length > 3 ? args[3] : "admin";
        string password = args.Length > 4 ? args[4] : "";
        try
        {
            // Pinning: the router's own (self-signed) certificate is the only one trusted; the
            // operating system's store is not consulted. A different certificate fails with TlsError.
            using var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(args[0]));
            var tls = TlsTransport.Connect(host, port, new TlsOptions { PinnedCertificate = pinned }, 5000);
            using var client = new ApiClient(new ClientOptions());
            client.Connect(tls, user, password);
            return ResourceReport.Print(client) ? 0 : 1;
        }
        catch (MikrotikException e)
        {
            Console.WriteLine("router: " + ErrorCodes.NameOf(e.Code) + ": " + e.Message);
            return 2;
        }
    }
}
