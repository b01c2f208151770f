using System;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A simulated router on the fake clock, below the RouterOS API: it fills probe samples
    /// directly, reboots when asked (down for <see cref="BootMilliseconds"/>, then up with a fresh
    /// uptime) and loses power when the relay cycles it. Faults are switched on by the test.
    /// (The scripted RouterOS under Support/ is the same idea one level down, on the wire.)
    /// </summary>
    internal sealed class SimRouter : IRouterProbe, IRouterRebooter, IPowerRelay
    {
        private readonly ManualClock _clock;
        private long _bootedAtMs;
        private long _uptimeAtBootSeconds = 5 * 86400;
        private long _downUntilMs = long.MinValue;

        public SimRouter(ManualClock clock)
        {
            _clock = clock;
            _bootedAtMs = clock.NowMilliseconds;
        }

        public int CpuLoad = 12;
        public bool ApiHung;
        public bool ThrowInProbe;
        public int BootMilliseconds = 60000;
        public int Probes;
        public int Reboots;
        public int PowerCycles;

        public void Probe(HealthSample sample)
        {
            Probes++;
            if (ThrowInProbe)
            {
                throw new OutOfMemoryException();
            }

            // A probe takes a little time.
            _clock.Advance(500);
            long now = _clock.NowMilliseconds;
            if (now < _downUntilMs)
            {
                sample.MarkFailed(ProbeFailure.ConnectFailed, "refused");
                return;
            }

            if (ApiHung)
            {
                sample.MarkFailed(ProbeFailure.Timeout, "no answer");
                return;
            }

            sample.MarkLoggedIn();
            sample.CpuLoadPercent = CpuLoad;
            sample.TotalMemoryBytes = 64L * 1024 * 1024;
            sample.FreeMemoryBytes = 30L * 1024 * 1024;
            sample.UptimeSeconds = _uptimeAtBootSeconds + (now - _bootedAtMs) / 1000;
            for (int i = 0; i < sample.PingTargetCount; i++)
            {
                sample.SetPingLoss(i, 0);
            }
        }

        /// <summary>The decision that asked for the last reboot (its reason rides with it).</summary>
        public Decision LastRebootRequest;

        public RebootResult Reboot(Decision request)
        {
            Reboots++;
            LastRebootRequest = request;
            if (ApiHung || _clock.NowMilliseconds < _downUntilMs)
            {
                return RebootResult.Failed;
            }

            Restart();
            return RebootResult.Rebooting;
        }

        public void PowerCycle(int offMilliseconds)
        {
            PowerCycles++;
            _clock.Advance(offMilliseconds);
            ApiHung = false;
            Restart();
        }

        private void Restart()
        {
            // A reboot cures what ailed it.
            CpuLoad = 12;
            _downUntilMs = _clock.NowMilliseconds + BootMilliseconds;
            _bootedAtMs = _downUntilMs;
            _uptimeAtBootSeconds = 0;
        }
    }
}
