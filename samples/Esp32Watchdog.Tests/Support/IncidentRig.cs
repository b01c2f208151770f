using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// The README demo (samples/Esp32Watchdog/Host) without sockets or sleeps: the whole watchdog
    /// built by <see cref="WatchdogAssembly.Build"/> as <c>Platform/Program.cs</c> builds it —
    /// status, supervisor, policy, the RouterOS kind's probe and rebooter over the real client,
    /// board watchdog — against <see cref="ScriptedRouterOs"/>, with the relay cutting the
    /// scripted router's power, all on the virtual clock.
    /// </summary>
    internal sealed class IncidentRig
    {
        public readonly ManualClock Clock = new ManualClock { NowMilliseconds = 1000000 };
        public readonly ScriptedRouterOs Router;
        public readonly WatchdogConfig Config = DemoSettings.Create("192.0.2.1", RouterConfig.ApiPort);
        public readonly RecordingLog Log = new RecordingLog();
        public readonly FakeLed Led = new FakeLed();
        public readonly FakeNetwork Network = new FakeNetwork();
        public readonly FakeBoardReset BoardReset = new FakeBoardReset();
        public readonly BoardWatchdog BoardWatchdog;
        public readonly Watchdog Watchdog;
        public readonly WatchdogSupervisor Supervisor;
        public readonly long Start;

        /// <summary>The demo's configuration, with <paramref name="connection"/> client buffers (null: defaults).</summary>
        public IncidentRig(ConnectionOptions connection)
            : this(connection, null)
        {
        }

        /// <summary>The demo's configuration with <paramref name="extraCheck"/> registered for its router (null: none).</summary>
        public IncidentRig(ConnectionOptions connection, IHealthCheck extraCheck)
        {
            if (extraCheck != null)
            {
                IHealthCheck[] own = Config.Routers[0].Checks;
                IHealthCheck[] checks = new IHealthCheck[own.Length + 1];
                for (int i = 0; i < own.Length; i++)
                {
                    checks[i] = own[i];
                }

                checks[own.Length] = extraCheck;
                Config.Routers[0].Checks = checks;
            }

            Router = new ScriptedRouterOs(Clock);
            Router.User = DemoSettings.User;
            Router.Password = DemoSettings.Password;
            Router.InterfaceNames = new string[] { "ether1" };
            Router.InterfaceRunning = new bool[] { true };
            Router.InterfaceDisabled = new bool[] { false };
            Router.SetPingLoss("1.1.1.1", 0);
            Start = Clock.NowMilliseconds;
            BoardWatchdog = new BoardWatchdog(Clock, BoardReset, Config.BoardWatchdogTimeoutMilliseconds, 1000);
            WatchdogBoard board = new WatchdogBoard { Clock = Clock, Led = Led, Network = Network, BoardWatchdog = BoardWatchdog, Relays = new IPowerRelay[] { Router }, PortKnock = Router };
            Watchdog = WatchdogAssembly.Build(Config, board, new IRouterKind[] { new RouterOsKind(Router, Clock, connection, 0) }, Log);
            Supervisor = Watchdog.Supervisor;
        }

        /// <summary>Virtual seconds since the start.</summary>
        public long Seconds
        {
            get { return (Clock.NowMilliseconds - Start) / 1000; }
        }

        /// <summary>One pass of the main loop: tick, then "sleep" what the supervisor asked (100 ms at least, as Program.cs).</summary>
        public void Step()
        {
            int wait = Supervisor.Tick();
            BoardWatchdog.Feed();
            Clock.Advance(wait < 100 ? 100 : wait);
        }
    }
}
