using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// `-- ratio [rounds]`: the client's cost beside the core's, measured in one process, the
    /// sides interleaved round by round so that a busy shared machine loads them alike: the
    /// 100,000-row print through the core alone, through a polled client and through a pumped
    /// client (its pump thread and a handler), in CPU time (the process's, all threads; the waiting
    /// caller and an idle pump use none) turned into rows per second; then one small command's
    /// round trip, pump vs polled. CPU time rather than wall time, because on a loaded machine wall
    /// time mostly measures waiting for a core. Reports each round's client/core ratio of rows/s
    /// and the minimum and median over the rounds (default 15), after 3 warm-up rounds; each side
    /// runs the print 10 times a round.
    /// </summary>
    public static class Ratio
    {
        public static void Run(int rounds)
        {
            var b = new ClientRowsBenchmarks();
            b.Setup();
            var client = new List<double>();
            var pumped = new List<double>();
            var core = new List<double>();
            var polled = new List<double>();
            var pump = new List<double>();
            var polledShare = new List<double>();
            var pumpedShare = new List<double>();
            const int Batch = 300;
            // Each side runs the print this many times a round: the process's CPU time is counted in
            // clock ticks (10 ms on Linux), and one print through the core takes about that long.
            const int Prints = 10;
            const int WarmupRounds = 3;
            long rowBytes = 0;
            // Rounds below 0 are warm-up, not reported: the tiered JIT is still promoting the
            // client's loop (called once per print) after the setup's few prints.
            for (int rep = -WarmupRounds; rep < rounds; rep++)
            {
                long allocated = GC.GetTotalAllocatedBytes(true);
                TimeSpan w = Cpu();
                for (int i = 0; i < Prints; i++)
                {
                    b.RetagCore();
                    b.Core();
                }

                double coreNs = (Cpu() - w).TotalMilliseconds * 1e6 / (Prints * 100000);
                w = Cpu();
                for (int i = 0; i < Prints; i++)
                {
                    b.RetagClient();
                    b.Client();
                }

                double clientNs = (Cpu() - w).TotalMilliseconds * 1e6 / (Prints * 100000);
                w = Cpu();
                for (int i = 0; i < Prints; i++)
                {
                    b.RetagPumped();
                    b.Pumped();
                }

                double pumpedNs = (Cpu() - w).TotalMilliseconds * 1e6 / (Prints * 100000);
                if (rep < 0)
                {
                    continue;
                }

                rowBytes += GC.GetTotalAllocatedBytes(true) - allocated;
                core.Add(coreNs);
                client.Add(clientNs);
                pumped.Add(pumpedNs);
                polledShare.Add(coreNs / clientNs);
                pumpedShare.Add(coreNs / pumpedNs);
                Console.WriteLine($"round {rep + 1}: rows/s core {1e9 / coreNs:N0}, polled {1e9 / clientNs:N0} ({coreNs / clientNs:F2} of the core), pumped {1e9 / pumpedNs:N0} ({coreNs / pumpedNs:F2})");
            }

            for (int rep = 0; rep < rounds; rep++)
            {
                TimeSpan w = Cpu();
                for (int i = 0; i < Batch; i++) b.PolledRoundTrip();
                polled.Add((Cpu() - w).TotalMilliseconds * 1e3 / Batch);
                w = Cpu();
                for (int i = 0; i < Batch; i++) b.PumpRoundTrip();
                pump.Add((Cpu() - w).TotalMilliseconds * 1e3 / Batch);
            }

            b.Cleanup();
            Report("rows, core alone (CPU ns/row)", core);
            Report("rows, client polled (CPU ns/row)", client);
            Report("rows, client pumped (CPU ns/row)", pumped);
            Report("polled client rows/s / core rows/s", polledShare);
            Report("pumped client rows/s / core rows/s", pumpedShare);
            Console.WriteLine($"allocated during the row rounds (all threads): {rowBytes} B for {3 * rounds * Prints * 100000} rows");
            Report("round trip, polled (CPU us, all threads)", polled);
            Report("round trip, pump (CPU us, all threads)", pump);
            Console.WriteLine($"pump/polled round trip: min {Min(pump) / Min(polled):F2}, median {Median(pump) / Median(polled):F2}");
        }

        private static TimeSpan Cpu()
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }

        private static void Report(string name, List<double> values)
        {
            Console.WriteLine($"{name}: min {Min(values):F2}, median {Median(values):F2}");
        }

        private static double Min(List<double> values)
        {
            double min = double.MaxValue;
            foreach (double v in values) min = Math.Min(min, v);
            return min;
        }

        private static double Median(List<double> values)
        {
            var sorted = new List<double>(values);
            sorted.Sort();
            return sorted[sorted.Count / 2];
        }
    }
}
