using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;

namespace Esp32Watchdog.Tests
{
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
        public long Now = 1_000_000;
        public long Uptime = 3 * 86400;
        public int RoundsRun;

        public PolicyDriver(WatchdogConfig config = null, bool hasRelay = true)
        {
            Config = config ?? TestConfigs.Valid();
            Policy = new RouterPolicy(Config, 0, hasRelay, Log);
            Sample = new HealthSample(Config.Routers[0]);
        }

        public int Interval => Config.ProbeIntervalMilliseconds;

        /// <summary>Advances one probe interval and feeds a round filled by <paramref name="fill"/>.</summary>
        public PolicyAction Round(Action<HealthSample> fill)
        {
            Now += Interval;
            Uptime += Interval / 1000;
            fill(Sample);
            RoundsRun++;
            return Policy.OnProbe(Sample, Now);
        }

        public PolicyAction Healthy(int cpu = 10) => Round(s => TestConfigs.Healthy(s, Uptime, cpu));

        public PolicyAction CpuPegged() => Healthy(100);

        public PolicyAction InterfaceDown() => Round(s =>
        {
            TestConfigs.Healthy(s, Uptime);
            s.AddInterfaceNotRunning(Config.Routers[0].WatchedInterfaces[0]);
        });

        public PolicyAction Unreachable(ProbeFailure failure = ProbeFailure.Timeout) => Round(s => TestConfigs.Unreachable(s, failure));

        /// <summary>The router restarts now: its uptime starts over.</summary>
        public void RouterRestarts(long secondsAgo = 0)
        {
            Uptime = secondsAgo - Interval / 1000;
        }

        /// <summary>Runs rounds until an action is returned; fails after <paramref name="max"/>.</summary>
        public int RoundsUntilAction(Func<PolicyAction> round, int max, out PolicyAction action)
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
    }
}
