using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A supervisor over one <see cref="SimRouter"/> with fake LED, network, board reset and
    /// clock, and the main loop run in virtual time (tick, then "sleep" what it asked).
    /// </summary>
    internal sealed class SupervisorRig
    {
        public readonly ManualClock Clock = new ManualClock { NowMilliseconds = 10000 };
        public readonly RecordingLog Log = new RecordingLog();
        public readonly FakeLed Led = new FakeLed();
        public readonly FakeNetwork Network = new FakeNetwork();
        public readonly FakeBoardReset BoardReset = new FakeBoardReset();
        public readonly SimRouter Router;
        public readonly BoardWatchdog BoardWatchdog;
        public WatchdogSupervisor Supervisor;

        /// <summary>One router with a relay (the router's own, or <paramref name="relay"/>) or without one.</summary>
        public SupervisorRig(bool withRelay, IPowerRelay relay = null)
        {
            WatchdogConfig config = TestConfigs.Valid(withRelay ? 26 : -1);
            config.RelayOffMilliseconds = 30000;
            Assert.IsNull(config.Validate());
            Router = new SimRouter(Clock);
            BoardWatchdog = new BoardWatchdog(Clock, BoardReset, config.BoardWatchdogTimeoutMilliseconds, 1000);
            WatchdogBoard board = new WatchdogBoard { Clock = Clock, Led = Led, Network = Network, BoardWatchdog = BoardWatchdog };
            Supervisor = FixedKind.Build(config, Router, withRelay ? (relay ?? Router) : null, board, Log).Supervisor;
        }

        /// <summary>One pass of the main loop: tick, then sleep for what the supervisor asked.</summary>
        public void Step()
        {
            int wait = Supervisor.Tick();
            Clock.Advance(wait < 1 ? 1 : wait);
        }

        /// <summary>Runs the main loop for <paramref name="minutes"/> of virtual time.</summary>
        public void RunFor(int minutes)
        {
            long until = Clock.NowMilliseconds + minutes * 60000L;
            while (Clock.NowMilliseconds < until)
            {
                Step();
            }
        }
    }
}
