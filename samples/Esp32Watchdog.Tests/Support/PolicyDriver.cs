using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>Fills a sample for one round (a non-generic delegate: the device has no Action&lt;T&gt;).</summary>
    internal delegate void SampleFill(HealthSample sample);

    /// <summary>Runs one round and returns what the policy decided.</summary>
    internal delegate PolicyAction PolicyRound();

    /// <summary>
    /// Drives one <see cref="RouterPolicy"/> round by round with explicit time, like the
    /// supervisor does, and models the router's uptime (which restarts when it reboots).
    /// </summary>
    internal sealed class PolicyDriver
    {
        public readonly WatchdogConfig Config;
        public readonly RecordingLog Log = new RecordingLog();
        public readonly RouterPolicy Policy;
        public readonly HealthSample Sample;
        public long Now = 1000000;
        public long Uptime = 3 * 86400;
        public int RoundsRun;

        public PolicyDriver(WatchdogConfig config = null, bool hasRelay = true)
        {
            Config = config ?? TestConfigs.Valid();
            Policy = new RouterPolicy(Config, Config.Routers[0], hasRelay, new RouterLog(Log, 0, Config.Routers[0].Name));
            Sample = Config.Routers[0].CreateSample();
        }

        public int Interval
        {
            get { return Config.ProbeIntervalMilliseconds; }
        }

        /// <summary>Advances one probe interval and feeds a round filled by <paramref name="fill"/>.</summary>
        public PolicyAction Round(SampleFill fill)
        {
            Now += Interval;
            Uptime += Interval / 1000;
            fill(Sample);
            RoundsRun++;
            return Policy.OnProbe(Sample, Now);
        }

        public PolicyAction Healthy()
        {
            return HealthyAt(10);
        }

        public PolicyAction HealthyAt(int cpu)
        {
            TestConfigs.Healthy(Sample, Uptime + Interval / 1000, cpu);
            return Feed();
        }

        public PolicyAction CpuPegged()
        {
            return HealthyAt(100);
        }

        public PolicyAction InterfaceDown()
        {
            TestConfigs.Healthy(Sample, Uptime + Interval / 1000);
            Sample.AddInterfaceNotRunning(Config.Routers[0].WatchedInterfaces[0]);
            return Feed();
        }

        public PolicyAction Unreachable()
        {
            return UnreachableBy(ProbeFailure.Timeout);
        }

        public PolicyAction UnreachableBy(ProbeFailure failure)
        {
            TestConfigs.Unreachable(Sample, failure);
            return Feed();
        }

        /// <summary>The router restarts now: its uptime starts over.</summary>
        public void RouterRestarts(long secondsAgo = 0)
        {
            Uptime = secondsAgo - Interval / 1000;
        }

        /// <summary>Runs rounds until an action is returned; -1 after <paramref name="max"/> rounds without one.</summary>
        public int RoundsUntilAction(PolicyRound round, int max, out PolicyAction action)
        {
            for (int i = 1; i <= max; i++)
            {
                action = round();
                if (action != PolicyAction.None)
                {
                    return i;
                }
            }

            action = PolicyAction.None;
            return -1;
        }

        /// <summary><see cref="RoundsUntilAction"/> when the action itself does not matter.</summary>
        public int RoundsUntilAnyAction(PolicyRound round, int max)
        {
            PolicyAction ignored;
            return RoundsUntilAction(round, max, out ignored);
        }

        // The sample is already filled with the uptime the router will report this round.
        private PolicyAction Feed()
        {
            Now += Interval;
            Uptime += Interval / 1000;
            RoundsRun++;
            return Policy.OnProbe(Sample, Now);
        }
    }
}
