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
    internal sealed class SimRouter : IRouterProbe, IRouterRebooter, IPowerRelay, IPortKnock
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

        /// <summary>Dead for good: nothing answers, and neither a reboot nor a power-cut cures it.</summary>
        public bool StaysDead;

        /// <summary>The router-side maintenance flag (the watchdog-hold script) is present, asking for <see cref="HoldFlagMinutes"/>.</summary>
        public bool HoldFlag;
        public int HoldFlagMinutes = 30;
        public bool ThrowInProbe;
        public bool RefusesLogin;

        /// <summary>The API port answers with RST (the service disabled, or filtered with reject); the router runs.</summary>
        public bool RefusesApi;

        /// <summary>The router answers /system/reboot with a trap (the user's group lacks the reboot policy).</summary>
        public bool RefusesReboot;

        /// <summary>The first watched interface is not running (an uplink pulled).</summary>
        public bool InterfaceDown;

        /// <summary>A reboot does not cure the CPU load (<see cref="CpuLoad"/> stays as set).</summary>
        public bool CpuSticky;
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

            if (ApiHung || StaysDead)
            {
                sample.MarkFailed(ProbeFailure.Timeout, "no answer");
                return;
            }

            if (RefusesApi)
            {
                sample.MarkFailed(ProbeFailure.ConnectFailed, "connection refused");
                return;
            }

            if (RefusesLogin)
            {
                sample.MarkFailed(ProbeFailure.LoginRejected, "invalid user name or password");
                return;
            }

            sample.MarkLoggedIn();
            sample.MaintenanceRequested = HoldFlag;
            sample.MaintenanceMinutes = HoldFlag ? HoldFlagMinutes : 0;
            TestConfigs.FillHealthy(sample, _uptimeAtBootSeconds + (now - _bootedAtMs) / 1000, CpuLoad);
            if (InterfaceDown)
            {
                TestConfigs.InterfaceDown(sample, "ether1");
            }
        }

        /// <summary>Whether the router's second port answers while its API does not (its kernel runs); false: a stalled router is wholly hung.</summary>
        public bool SecondPortAnswers;

        /// <summary>Second-port checks made (see <see cref="Knock"/>).</summary>
        public int Knocks;

        /// <summary>The board's second-port check: silent while booting, else as <see cref="SecondPortAnswers"/> says.</summary>
        public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
        {
            Knocks++;
            return _clock.NowMilliseconds >= _downUntilMs && SecondPortAnswers ? PortAnswer.Answered : PortAnswer.Silent;
        }

        /// <summary>The decision that asked for the last reboot (its reason rides with it).</summary>
        public Decision LastRebootRequest;

        public RebootResult Reboot(Decision request)
        {
            Reboots++;
            LastRebootRequest = request;
            if (ApiHung || StaysDead || _clock.NowMilliseconds < _downUntilMs)
            {
                return RebootResult.Failed;
            }

            if (RefusesReboot)
            {
                return RebootResult.Refused;
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
            // A reboot cures what ailed it (unless the load is sticky).
            CpuLoad = CpuSticky ? CpuLoad : 12;
            _downUntilMs = _clock.NowMilliseconds + BootMilliseconds;
            _bootedAtMs = _downUntilMs;
            _uptimeAtBootSeconds = 0;
        }
    }
}
