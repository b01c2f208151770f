using System.Collections;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A board that restarts, in virtual time: a board reset is the watchdog rebuilt through
    /// <see cref="WatchdogAssembly.Build"/> over the same flash (<see cref="FakeFlashFiles"/>)
    /// after a boot delay, its monotonic clock starting again from zero, while the router (a
    /// <see cref="SimRouter"/> on the world's clock) lives on. A brown-out on each relay switch
    /// cuts the board the moment the relay cuts the router: nothing it does after reaches the flash.
    /// </summary>
    internal sealed class ResetRig
    {
        public readonly ManualClock World = new ManualClock { NowMilliseconds = 5000000 };
        public readonly FakeFlashFiles Flash = new FakeFlashFiles();
        public readonly RecordingLog Log = new RecordingLog();
        public readonly SimRouter Router;
        public readonly WatchdogConfig Config;

        /// <summary>World times of every action (API reboots and power-cuts), across boots.</summary>
        public readonly ArrayList ActionTimes = new ArrayList();

        /// <summary>Attach the flash store at boot (else no store: RAM only).</summary>
        public bool UseStore = true;

        /// <summary>The board browns out at every relay switch.</summary>
        public bool BrownOutOnRelay;

        /// <summary>How long a reset keeps the board off before the watchdog runs again.</summary>
        public int BootDelayMilliseconds = 15000;

        /// <summary>How many actions the flash held for the router at the moment of the last action (read as the next boot would).</summary>
        public int KeptActionsWhenActing = -1;

        public int Boots;
        public int PowerCycles;
        public int Reboots;
        public Watchdog Watchdog;
        public string AttachResult;
        private readonly Relay _relay;
        private BootClock _clock;
        private bool _brownOut;

        /// <summary>One router with a relay; the shipped grace (10 min) and budget (3 per 6 h).</summary>
        public ResetRig(WatchdogConfig config = null)
        {
            Config = config ?? TestConfigs.Valid(26);
            if (config == null)
            {
                Config.StartupGraceMilliseconds = 600000;
                Config.RelayOffMilliseconds = 10000;
            }

            Router = new SimRouter(World);
            _relay = new Relay(this);
            Boot();
        }

        public WatchdogSupervisor Supervisor
        {
            get { return Watchdog.Supervisor; }
        }

        /// <summary>The board's monotonic clock of this boot.</summary>
        public IClock BoardClock
        {
            get { return _clock; }
        }

        /// <summary>Powers the board on: the watchdog built afresh, the kept judgement taken up.</summary>
        public void Boot()
        {
            Flash.Frozen = false;
            _clock = new BootClock(World);
            WatchdogBoard board = new WatchdogBoard { Clock = _clock, Led = new FakeLed(), Network = new FakeNetwork(), PortKnock = Router };
            board.Relays = new IPowerRelay[] { Config.Routers[0].RelayGpioPin >= 0 ? _relay : null };
            IRouterKind kind = new FixedKind(new IRouterProbe[] { Router }, new IRouterRebooter[] { _relay });
            Watchdog = WatchdogAssembly.Build(Config, board, new IRouterKind[] { kind }, Log);
            AttachResult = Watchdog.Supervisor.AttachHistory(UseStore ? new FlashHistoryStore(Flash, Config) : null);
            Boots++;
        }

        /// <summary>The board resets: off for the boot delay, then booted again.</summary>
        public void Reset()
        {
            Flash.Frozen = false;
            World.Advance(BootDelayMilliseconds);
            Boot();
        }

        /// <summary>One pass of the main loop: tick, then sleep for what it asked (or die of a brown-out).</summary>
        public void Step()
        {
            int wait = Supervisor.Tick();
            if (_brownOut)
            {
                _brownOut = false;
                Reset();
                return;
            }

            World.Advance(wait < 1 ? 1 : wait);
        }

        /// <summary>Runs for <paramref name="milliseconds"/> of world time, resetting the board every <paramref name="resetEveryMilliseconds"/> (0: never).</summary>
        public void RunFor(long milliseconds, long resetEveryMilliseconds = 0)
        {
            long until = World.NowMilliseconds + milliseconds;
            long nextReset = resetEveryMilliseconds > 0 ? World.NowMilliseconds + resetEveryMilliseconds : long.MaxValue;
            while (World.NowMilliseconds < until)
            {
                Step();
                if (World.NowMilliseconds >= nextReset)
                {
                    Reset();
                    nextReset = World.NowMilliseconds + resetEveryMilliseconds;
                }
            }
        }

        private void ReadKeptActions()
        {
            FlashHistoryStore reader = new FlashHistoryStore(Flash, Config);
            reader.Open();
            RouterJudgement kept = reader.Find(Config.Routers[0].Name);
            KeptActionsWhenActing = kept == null ? 0 : kept.ActionCount;
        }

        /// <summary>The most actions in any window of <paramref name="windowMilliseconds"/> of world time.</summary>
        public int MostActionsInAnyWindow(long windowMilliseconds)
        {
            int most = 0;
            for (int i = 0; i < ActionTimes.Count; i++)
            {
                long start = (long)ActionTimes[i];
                int n = 0;
                for (int k = i; k < ActionTimes.Count && (long)ActionTimes[k] < start + windowMilliseconds; k++)
                {
                    n++;
                }

                most = n > most ? n : most;
            }

            return most;
        }

        /// <summary>The rebooter and relay between the watchdog and the router: counts actions, browns out.</summary>
        private sealed class Relay : IPowerRelay, IRouterRebooter
        {
            private readonly ResetRig _rig;

            public Relay(ResetRig rig)
            {
                _rig = rig;
            }

            public RebootResult Reboot(Decision request)
            {
                _rig.ReadKeptActions();
                _rig.Reboots++;
                _rig.ActionTimes.Add(_rig.World.NowMilliseconds);
                return _rig.Router.Reboot(request);
            }

            public void PowerCycle(int offMilliseconds)
            {
                _rig.ReadKeptActions();
                _rig.PowerCycles++;
                _rig.ActionTimes.Add(_rig.World.NowMilliseconds);
                if (_rig.BrownOutOnRelay)
                {
                    // The coil's inrush takes the board down with the router: from here on
                    // nothing the board does reaches the flash, and the router's power comes back
                    // as soon as the pin floats.
                    _rig.Flash.Frozen = true;
                    _rig._brownOut = true;
                }

                _rig.Router.PowerCycle(offMilliseconds);
            }
        }

        /// <summary>The board's tick count: starting again (at 1 s) at every boot.</summary>
        private sealed class BootClock : IClock
        {
            private readonly ManualClock _world;
            private readonly long _bootedAt;

            public BootClock(ManualClock world)
            {
                _world = world;
                _bootedAt = world.NowMilliseconds;
            }

            public long NowMilliseconds
            {
                get { return _world.NowMilliseconds - _bootedAt + 1000; }
            }
        }
    }
}
