using System;

namespace Mikrotik.Nano.Samples
{
    /// <summary>
    /// Example 3 (its logic; the TLS connection is made by each flavour's Program): reads uptime and
    /// cpu-load as numbers. The same file runs on a board (Platform/Program.cs) and in a console
    /// (TlsHealth.Host).
    /// </summary>
    public static class ResourceReport
    {
        /// <summary>Reads <c>/system/resource</c> and prints uptime in seconds and cpu-load in percent.</summary>
        /// <param name="client">A connected client.</param>
        /// <returns>True when both values were read; otherwise the reason was printed.</returns>
        public static bool Print(ApiClient client)
        {
            RowTable rows = new RowTable(new string[] { "uptime", "cpu-load" }, 1, 64);
            ErrorCode result = client.Run(client.NewCommand().Path("/system/resource/print").Proplist("uptime,cpu-load"), rows, 5000);
            if (result != ErrorCode.None)
            {
                Console.WriteLine("resource print failed: " + (rows.TrapMessage != null ? rows.TrapMessage : ErrorCodes.NameOf(result)));
                return false;
            }

            // uptime is a RouterOS duration such as 3d4h5m6s; cpu-load a plain decimal. Both parse
            // where they lie, without a string.
            TimeSpan uptime;
            long cpuLoad;
            if (rows.Count != 1 || !rows.TryGetDuration(0, 0, out uptime) || !rows.TryGetInt64(0, 1, out cpuLoad))
            {
                Console.WriteLine("unexpected resource reply");
                return false;
            }

            long seconds = uptime.Ticks / TimeSpan.TicksPerSecond;
            Console.WriteLine("uptime " + seconds.ToString() + " s (" + uptime.Days.ToString() + " days), cpu-load " + cpuLoad.ToString() + " %");
            return true;
        }
    }
}
