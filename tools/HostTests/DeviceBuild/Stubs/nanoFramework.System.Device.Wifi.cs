// Reference stub of nanoFramework.System.Device.Wifi 1.5.138 (assembly System.Device.Wifi), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/System.Device.Wifi at tag v1.5.138 (commit a75ab034). No bodies.
// (NetworkHelperStatus is System.Net's; CancellationToken is System.Threading's.)
namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw null; } }

        public static bool ConnectDhcp(
            string ssid,
            string password,
            System.Device.Wifi.WifiReconnectionKind reconnectionKind = System.Device.Wifi.WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            System.Threading.CancellationToken token = default)
        {
            throw null;
        }

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, System.Threading.CancellationToken token = default) { throw null; }
    }
}
