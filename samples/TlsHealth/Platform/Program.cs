// Device-only: needs nanoFramework.System.Device.Wifi and System.Net, which cannot be restored on
// build machines. Listed in TlsHealth.nfproj, left out of TlsHealth.csproj. The example itself is
// ResourceReport.cs (also compiled by the console flavour, TlsHealth.Host).
using System;
using System.Device.Wifi;
using System.Threading;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.Networking;

namespace Mikrotik.Nano.Samples
{
    /// <summary>Board entry point: joins Wi-Fi, connects to the router, runs the example once.</summary>
    public static class Program
    {
        // Edit these for your network and router (an API user with the read policy is enough).
        private const string WifiSsid = "my-wifi";
        private const string WifiPassword = "my-wifi-password";
        private const string Router = "router.lan";
        private const string User = "api-reader";
        private const string Password = "secret";

        // The router's own certificate (self-signed), pinned: export it from the router
        // (/certificate/export-certificate) or, for the simulator, use --cert-out. PEM text.
        private const string RouterCertificatePem = @"-----BEGIN CERTIFICATE-----
paste the router's certificate here
-----END CERTIFICATE-----";

        /// <summary>Runs the example and reports what happened on the console.</summary>
        public static void Main()
        {
            // An exception escaping Main ends a nanoFramework program silently: catch and say why.
            try
            {
                CancellationTokenSource cancel = new CancellationTokenSource(60000);
                if (!WifiNetworkHelper.ConnectDhcp(WifiSsid, WifiPassword, WifiReconnectionKind.Automatic, /* requiresDateTime */ true, 0, cancel.Token))
                {
                    Console.WriteLine("Wi-Fi did not come up: " + WifiNetworkHelper.Status.ToString());
                    return;
                }

                ApiClient client = new ApiClient(new ClientOptions());
                // API-SSL with the router's certificate verified: it must be signed by (or be) RouterCertificatePem
                // and carry the name Router. requiresDateTime above waited for SNTP: validity dates need the clock.
                client.Connect(NanoTlsTransport.Connect(Router, 8729, new X509Certificate(RouterCertificatePem)), User, Password);
                ResourceReport.Print(client);
                client.Close();
            }
            catch (MikrotikException e)
            {
                Console.WriteLine("router: " + ErrorCodes.NameOf(e.Code) + " " + e.Message);
            }
            catch (Exception e)
            {
                Console.WriteLine("failed: " + e.Message);
            }
        }
    }
}
