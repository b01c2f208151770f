using Esp32Watchdog.Configuration;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// The README demo (tools/WatchdogHost) without sockets or sleeps: the whole watchdog as
    /// <c>Platform/Program.cs</c> wires it — supervisor, policy, RouterOS probe and rebooter over
    /// the real client, board watchdog — against <see cref="ScriptedRouterOs"/>, with the relay
    /// cutting the scripted router's power, all on the virtual clock.
    /// </summary>
    internal sealed class IncidentRig
    {
        public readonly ProbeRig Parts;
        public readonly RecordingLog Log = new RecordingLog();
        public readonly FakeLed Led = new FakeLed();
        public readonly FakeNetwork Network = new FakeNetwork();
        public readonly FakeBoardReset BoardReset = new FakeBoardReset();
        public readonly BoardWatchdog BoardWatchdog;
        public readonly WatchdogSupervisor Supervisor;
        public readonly long Start;

        /// <summary>The demo's configuration, with <paramref name="connection"/> client buffers (null: defaults).</summary>
        public IncidentRig(ConnectionOptions connection)
        {
            Parts = new ProbeRig(DemoConfig(), connection);
            ScriptedRouterOs router = Parts.Router;
            router.InterfaceNames = new string[] { "ether1" };
            router.InterfaceRunning = new bool[] { true };
            router.InterfaceDisabled = new bool[] { false };
            router.SetPingLoss("1.1.1.1", 0);
            Start = Parts.Clock.NowMilliseconds;
            BoardWatchdog = new BoardWatchdog(Parts.Clock, BoardReset, Parts.Config.BoardWatchdogTimeoutMilliseconds, 1000);
            Supervisor = new WatchdogSupervisor(
                Parts.Config,
                new IRouterProbe[] { Parts.Probe },
                new IRouterRebooter[] { Parts.Rebooter },
                new IPowerRelay[] { router },
                Led,
                Log,
                Network,
                Parts.Clock,
                BoardWatchdog);
        }

        public ScriptedRouterOs Router
        {
            get { return Parts.Router; }
        }

        /// <summary>Virtual seconds since the start.</summary>
        public long Seconds
        {
            get { return (Parts.Clock.NowMilliseconds - Start) / 1000; }
        }

        /// <summary>One pass of the main loop: tick, then "sleep" what the supervisor asked (100 ms at least, as Program.cs).</summary>
        public void Step()
        {
            int wait = Supervisor.Tick();
            BoardWatchdog.Feed();
            Parts.Clock.Advance(wait < 100 ? 100 : wait);
        }

        /// <summary>The demo's rules: the firmware's, with minutes made seconds (tools/WatchdogHost/DemoRun.cs).</summary>
        public static WatchdogConfig DemoConfig()
        {
            RouterConfig router = new RouterConfig
            {
                Name = "demo",
                Host = "192.0.2.1",
                Port = RouterConfig.ApiPort,
                UseTls = false,
                User = "watchdog",
                Password = "pw",
                WatchedInterfaces = new string[] { "ether1" },
                PingTargets = new string[] { "1.1.1.1" },
                PingCount = 2,
                RelayGpioPin = 4,
            };

            return new WatchdogConfig
            {
                WifiSsid = "host",
                WifiPassword = "host-network",
                Routers = new RouterConfig[] { router },
                ProbeIntervalMilliseconds = 5000,
                ProbeTimeoutMilliseconds = 10000,
                CpuLoadThresholdPercent = 90,
                CpuLoadConsecutiveSamples = 3,
                UnhealthyRoundsBeforeAction = 3,
                UnreachableRoundsBeforePowerCycle = 4,
                RebootVerifyTimeoutMilliseconds = 60000,
                PowerCycleAfterMilliseconds = 60000,
                PowerCycleVerifyTimeoutMilliseconds = 90000,
                RelayOffMilliseconds = 5000,
                MaxActionsPerWindow = 3,
                ActionWindowMilliseconds = 3600000,
                BackoffBaseMilliseconds = 30000,
                BackoffMaxMilliseconds = 120000,
                StartupGraceMilliseconds = 10000,
                HealthyResetMilliseconds = 300000,
            };
        }
    }
}
