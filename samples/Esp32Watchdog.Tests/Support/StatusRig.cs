using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A <see cref="WatchdogStatus"/> in front of a recording log, fed the way the firmware feeds
    /// it: built by <see cref="WatchdogAssembly.Build"/> over a <see cref="SimRouter"/>, the status
    /// observing every round, the main loop run in virtual time.
    /// </summary>
    internal sealed class StatusRig
    {
        public readonly ManualClock Clock = new ManualClock { NowMilliseconds = 10000 };
        public readonly RecordingLog Log = new RecordingLog();
        public readonly WatchdogConfig Config;
        public readonly WatchdogStatus Status;
        public readonly SimRouter Router;
        public readonly WatchdogSupervisor Supervisor;

        public StatusRig()
            : this(TestConfigs.Valid(26))
        {
        }

        /// <summary>The rig over <paramref name="config"/> (one router, with a relay).</summary>
        public StatusRig(WatchdogConfig config)
        {
            Config = config;
            Config.RelayOffMilliseconds = 30000;
            Router = new SimRouter(Clock);
            WatchdogBoard board = new WatchdogBoard { Clock = Clock, Led = new FakeLed(), Network = new FakeNetwork() };
            Watchdog watchdog = FixedKind.Build(Config, Router, Router, board, Log);
            Status = watchdog.Status;
            Supervisor = watchdog.Supervisor;
        }

        /// <summary>One pass of the main loop.</summary>
        public void Step()
        {
            int wait = Supervisor.Tick();
            Clock.Advance(wait < 1 ? 1 : wait);
        }

        /// <summary>Runs passes until the router's state is <paramref name="state"/> (at most <paramref name="minutes"/> of virtual time).</summary>
        public bool RunUntil(PolicyState state, int minutes)
        {
            long until = Clock.NowMilliseconds + minutes * 60000L;
            while (Clock.NowMilliseconds < until)
            {
                Step();
                if (Status.GetRouter(0).State == state)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The /status document now.</summary>
        public string Json(long freeHeap = 81234)
        {
            ByteWriter w = new ByteWriter(4096);
            new StatusJson(w).Write(Status, freeHeap);
            return w.ToString();
        }

        /// <summary>The /metrics document now.</summary>
        public string Metrics(long freeHeap = 81234)
        {
            ByteWriter w = new ByteWriter(8192);
            new PrometheusMetrics(w).Write(Status, freeHeap);
            return w.ToString();
        }

        /// <summary>A status of <see cref="TestConfigs.Valid"/> fed by hand (no supervisor), and its router to feed it.</summary>
        public static WatchdogStatus Manual(ManualClock clock, out WatchedRouter router)
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            WatchdogStatus status = new WatchdogStatus(config, null, clock);
            SimRouter sim = new SimRouter(clock);
            IHealthCheck[] checks;
            HealthSample sample = TestConfigs.NewSample(config, out checks);
            router = new WatchedRouter(config, new RouterLog(status, 0, config.Routers[0].Name), sim, sim, sim, checks, sample);
            status.Watch(router);
            return status;
        }

        /// <summary>Hands the router's round (its sample, taken now) to the status, as the supervisor does.</summary>
        public static void Round(WatchdogStatus status, WatchedRouter router, ManualClock clock)
        {
            router.SampleAtMilliseconds = clock.NowMilliseconds;
            status.RoundDone(router);
        }
    }
}
