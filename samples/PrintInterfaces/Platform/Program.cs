// Device-only: needs nanoFramework.System.Device.Wifi and System.Net, which cannot be restored on
// build machines. Listed in PrintInterfaces.nfproj, left out of PrintInterfaces.csproj. The example itself is
// InterfaceList.cs (also compiled by the console flavour, PrintInterfaces.Host).
using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace Mikrotik.Nano.Samples
{
    /// <summary>Board entry point: joins Wi-Fi, connects to the router, runs the example once.</summary>
    public static class Program
    {
        // Edit these for your network and router (an API user with the read policy is enough).
        private const string WifiSsid = "my-wifi";
        private const string WifiPassword = "my-wifi-password";
        private const string Router = "192.168.88.1";
        private const string User = "api-reader";
        private const string Password = "secret";

        /// <summary>Runs the example and reports what happened on the console.</summary>
        public static void Main()
        {
            // An exception escaping Main ends a nanoFramework program silently: catch and say why.
            try
            {
                CancellationTokenSource cancel = new CancellationTokenSource(60000);
                if (!WifiNetworkHelper.ConnectDhcp(WifiSsid, WifiPassword, WifiReconnectionKind.Automatic, /* requiresDateTime */ false, 0, cancel.Token))
                {
                    Console.WriteLine("Wi-Fi did not come up: " + WifiNetworkHelper.Status.ToString());
                    return;
                }

                ApiClient client = new ApiClient(new ClientOptions());
                client.Connect(NanoTcpTransport.Connect(Router, 8728), User, Password);
                InterfaceList.Print(client);
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
