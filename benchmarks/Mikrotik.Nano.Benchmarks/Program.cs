using System;
using System.Collections.Generic;
using BenchmarkDotNet.Running;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// Entry point.
    ///   footprint          the footprint report (IL size, construction, watchdog, naive comparison, copies per byte)
    ///   ratio [rounds]     client (polled, pumped) vs core per row, pump vs polled per round trip, interleaved in one process
    ///   --quick [args]     BenchmarkDotNet's short job (3 warm-ups, 3 iterations, 1 launch)
    ///   [args]             BenchmarkDotNet command line, e.g. --filter '*'
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && (args[0] == "footprint" || args[0] == "receive-work"))
            {
                Footprint.Run();
                return 0;
            }

            if (args.Length > 0 && args[0] == "ratio")
            {
                Ratio.Run(args.Length > 1 ? int.Parse(args[1]) : 15);
                return 0;
            }

            var rest = new List<string>();
            foreach (string a in args)
            {
                if (a == "--quick")
                {
                    rest.Add("--job");
                    rest.Add("short");
                }
                else
                {
                    rest.Add(a);
                }
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray());
            return 0;
        }
    }
}
