// Device-only: nanoFramework.System.Device.Wifi, System.Net and System.Threading cannot be
// restored on build machines. Listed in Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj.
using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;
using nanoFramework.Networking;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// The board's Wi-Fi: joins the network, follows NetworkChange events for
    /// <see cref="INetworkStatus"/>, and tries to join again when the link stays down. The network
    /// is up once the board has an address: the date (SNTP, for certificate checks) is waited for
    /// separately and logged (<see cref="DateWait"/>), never a gate.
    /// </summary>
    internal sealed class WifiNetwork : INetworkStatus
    {
        // Below SystemClock.MaxStepMilliseconds, so the blocking join is still counted as time.
        private const int ConnectTimeoutMilliseconds = 45000;
        private const int RetryAfterMilliseconds = 120000;

        private readonly string _ssid;
        private readonly string _password;
        private readonly string _sntp1;
        private readonly string _sntp2;
        private bool _up;
        private bool _everConnected;
        private long _lastAttemptMs;

        public WifiNetwork(string ssid, string password, string sntpServer1, string sntpServer2)
        {
            _ssid = ssid;
            _password = password;
            _sntp1 = sntpServer1;
            _sntp2 = sntpServer2;
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
        }

        public bool IsUp
        {
            get { return _up; }
        }

        /// <summary>Joins the network (blocking, bounded); false when it did not work this time.</summary>
        public bool Connect(long nowMilliseconds)
        {
            _lastAttemptMs = nowMilliseconds;
            CancellationTokenSource cancel = new CancellationTokenSource(ConnectTimeoutMilliseconds);
            bool ok;
            try
            {
                // requiresDateTime false: with true the helper returns false when no date comes
                // (often through the very router watched), although the board has an address.
                ok = _everConnected
                    ? WifiNetworkHelper.Reconnect(false, 0, cancel.Token)
                    : WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, cancel.Token);
            }
            catch (Exception ex)
            {
                Console.WriteLine("Wi-Fi: " + ExceptionText.Describe(ex, "Wi-Fi connect"));
                ok = false;
            }

            if (ok)
            {
                StartSntp();
            }

            if (!ok)
            {
                Console.WriteLine("Wi-Fi not up, helper status " + ((int)WifiNetworkHelper.Status).ToString());
            }

            _everConnected = _everConnected || ok;
            _up = ok;
            return ok;
        }

        /// <summary>Called from the main loop: retries when the link has been down for a while.</summary>
        public void Maintain(long nowMilliseconds)
        {
            // The ESP32 reconnects by itself (WifiReconnectionKind.Automatic); this is the backstop.
            if (!_up && nowMilliseconds - _lastAttemptMs >= RetryAfterMilliseconds)
            {
                Connect(nowMilliseconds);
            }
        }

        private void StartSntp()
        {
            try
            {
                Sntp.Server1 = _sntp1;
                if (_sntp2 != null && _sntp2.Length > 0)
                {
                    Sntp.Server2 = _sntp2;
                }

                Sntp.Start();
                Sntp.UpdateNow();
            }
            catch (Exception ex)
            {
                Console.WriteLine("SNTP: " + ExceptionText.Describe(ex, "SNTP start"));
            }
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            _up = e.IsAvailable;
        }
    }
}
