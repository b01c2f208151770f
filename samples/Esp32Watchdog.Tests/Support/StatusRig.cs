using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A <see cref="WatchdogStatus"/> in front of a recording log, fed the way the firmware feeds
    /// it: a supervisor over a <see cref="SimRouter"/> whose probe goes through a <see cref="StatusProbe"/>,
    /// the main loop run in virtual time with a capture after each pass.
    /// </summary>
    internal sealed class StatusRig
    {
        public readonly FakeClock Clock = new FakeClock { NowMilliseconds = 10000 };
        public readonly RecordingLog Log = new RecordingLog();
        public readonly WatchdogConfig Config;
        public readonly WatchdogStatus Status;
        public readonly SimRouter Router;
        public readonly WatchdogSupervisor Supervisor;

        public StatusRig()
        {
            Config = TestConfigs.Valid(26);
            Config.RelayOffMilliseconds = 30000;
            Status = new WatchdogStatus(Config, Log, Clock);
            Router = new SimRouter(Clock);
            Supervisor = new WatchdogSupervisor(
                Config,
                new IRouterProbe[] { new StatusProbe(Router, Status, 0) },
                new IRouterRebooter[] { Router },
                new IPowerRelay[] { Router },
                new FakeLed(),
                Status,
                new FakeNetwork(),
                Clock,
                null);
        }

        /// <summary>One pass of the main loop, then the capture the firmware does after it.</summary>
        public void Step()
        {
            int wait = Supervisor.Tick();
            Status.Capture(Supervisor);
            Clock.Advance(wait < 1 ? 1 : wait);
        }

        /// <summary>Runs passes until the router's state is <paramref name="state"/> (at most <paramref name="minutes"/> of virtual time).</summary>
        public bool RunUntil(RouterState state, int minutes)
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
            StatusJson.Write(Status, freeHeap, w);
            return w.ToString();
        }

        /// <summary>The /metrics document now.</summary>
        public string Metrics(long freeHeap = 81234)
        {
            ByteWriter w = new ByteWriter(8192);
            PrometheusMetrics.Write(Status, freeHeap, w);
            return w.ToString();
        }

        /// <summary>A status of <see cref="TestConfigs.Valid"/> fed by hand (no supervisor).</summary>
        public static WatchdogStatus Manual(FakeClock clock, out HealthSample sample)
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            sample = new HealthSample(config.Routers[0]);
            return new WatchdogStatus(config, null, clock);
        }
    }
}
