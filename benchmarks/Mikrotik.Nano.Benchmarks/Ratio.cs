using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// `-- ratio`: the client's cost beside the core's, measured in one process, alternating, so
    /// that a busy shared machine loads both sides alike: CPU time (the process's, all threads)
    /// per row of the 100,000-row print (client polled vs core alone) and per round trip (pump vs
    /// polled). CPU time rather than wall time, because on a loaded machine wall time mostly
    /// measures waiting for a core. Reports the minimum and the median of 15 runs, and their ratios.
    /// </summary>
    public static class Ratio
    {
        public static void Run()
        {
            var b = new ClientRowsBenchmarks();
            b.Setup();
            var client = new List<double>();
            var core = new List<double>();
            var polled = new List<double>();
            var pump = new List<double>();
            const int Batch = 300;
            for (int rep = 0; rep < 15; rep++)
            {
                b.RetagClient();
                TimeSpan w = Cpu();
                b.Client();
                client.Add((Cpu() - w).TotalMilliseconds * 1e6 / 100000);
                b.RetagCore();
                w = Cpu();
                b.Core();
                core.Add((Cpu() - w).TotalMilliseconds * 1e6 / 100000);
                w = Cpu();
                for (int i = 0; i < Batch; i++) b.PolledRoundTrip();
                polled.Add((Cpu() - w).TotalMilliseconds * 1e3 / Batch);
                w = Cpu();
                for (int i = 0; i < Batch; i++) b.PumpRoundTrip();
                pump.Add((Cpu() - w).TotalMilliseconds * 1e3 / Batch);
            }

            b.Cleanup();
            Report("rows, client polled (CPU ns/row)", client);
            Report("rows, core alone (CPU ns/row)", core);
            Report("round trip, polled (CPU us, all threads)", polled);
            Report("round trip, pump (CPU us, all threads)", pump);
            Console.WriteLine($"client/core per row: min {Min(client) / Min(core):F2}, median {Median(client) / Median(core):F2}");
            Console.WriteLine($"pump/polled round trip: min {Min(pump) / Min(polled):F2}, median {Median(pump) / Median(polled):F2}");
        }

        private static TimeSpan Cpu()
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }

        private static void Report(string name, List<double> values)
        {
            Console.WriteLine($"{name}: min {Min(values):F1}, median {Median(values):F1}");
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
