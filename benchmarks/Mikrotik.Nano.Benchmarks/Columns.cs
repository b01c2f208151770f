using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// A column derived from the measured mean time per operation: throughput = work per
    /// operation / mean. The work per operation is known exactly (the precomputed stream).
    /// </summary>
    public sealed class RateColumn : IColumn
    {
        private readonly Func<BenchmarkCase, double> _workPerOp;
        private readonly double _scale;
        private readonly string _format;

        public RateColumn(string name, Func<BenchmarkCase, double> workPerOp, double scale, string format)
        {
            ColumnName = name;
            Id = "Rate." + name;
            _workPerOp = workPerOp;
            _scale = scale;
            _format = format;
        }

        public string Id { get; }
        public string ColumnName { get; }
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => ColumnName + " derived from the mean time per operation";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            return GetValue(summary, benchmarkCase, SummaryStyle.Default);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport report = summary[benchmarkCase];
            if (report == null || report.ResultStatistics == null)
            {
                return "NA";
            }

            double seconds = report.ResultStatistics.Mean / 1e9;
            double rate = _workPerOp(benchmarkCase) / seconds / _scale;
            return rate.ToString(_format, CultureInfo.InvariantCulture);
        }

        /// <summary>Decode: bytes of the stream per operation, in MB/s (10^6 bytes).</summary>
        public static RateColumn DecodeMegabytes()
        {
            return new RateColumn("MB/s", c => StreamOf(c).Data.Length, 1e6, "N1");
        }

        /// <summary>Decode: sentences per operation, in millions per second.</summary>
        public static RateColumn DecodeSentences()
        {
            return new RateColumn("Msentences/s", c => StreamOf(c).Sentences, 1e6, "N2");
        }

        /// <summary>Operations (commands) per second; BenchmarkDotNet's mean is already per operation.</summary>
        public static RateColumn PerSecond(string name)
        {
            return new RateColumn(name, c => 1, 1, "N0");
        }

        private static ReplyStream StreamOf(BenchmarkCase c)
        {
            foreach (var p in c.Parameters.Items)
            {
                if (p.Name == "Stream")
                {
                    return ReplyStreams.Get((string)p.Value);
                }
            }

            throw new InvalidOperationException("no Stream parameter");
        }
    }
}
