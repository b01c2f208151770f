using System;

namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// Speed of the protocol core on a nanoFramework runtime (run by benchmarks/nanoclr-bench.sh on the
    /// lab's nanoCLR, or deployed to a board): replies decoded per second for an address-list and an
    /// interface stream, and commands encoded per second, with the cost per received byte. Not a test:
    /// it prints figures and fails only when the core decodes something other than the stream holds.
    /// </summary>
    public static class Program
    {
        private const int AddressRows = 10000;
        private const int InterfaceRows = 1000;
        private const int Commands = 5000;
        private const int Runs = 3;

        /// <summary>Runs every measurement and prints one line each.</summary>
        public static void Main()
        {
            try
            {
                Console.WriteLine("NanoBench: Mikrotik.Nano core, default ConnectionOptions; best of " + Runs + " runs; times from DateTime.UtcNow");
                int tag = FirstCommandTag();
                Calibration.Print();

                byte[] addresses = Streams.AddressList(AddressRows, tag).ToArray();
                Decode("address-list", "/ip/firewall/address-list/print", addresses, AddressRows, 1460, DecodeRun.TouchAddress);
                Decode("address-list", "/ip/firewall/address-list/print", addresses, AddressRows, 536, DecodeRun.TouchAddress);
                Decode("address-list", "/ip/firewall/address-list/print", addresses, AddressRows, 1460, DecodeRun.TouchNothing);
                addresses = null;

                byte[] interfaces = Streams.Interfaces(InterfaceRows, tag).ToArray();
                Decode("interface", "/interface/print", interfaces, InterfaceRows, 1460, DecodeRun.TouchInterface);
                Decode("interface", "/interface/print", interfaces, InterfaceRows, 536, DecodeRun.TouchInterface);
                Decode("interface", "/interface/print", interfaces, InterfaceRows, 1460, DecodeRun.TouchNothing);
                interfaces = null;

                Encode("address-list add (4 attributes)", EncodeRun.AddressListAdd);
                Encode("interface print (.proplist + 2 queries + ?#|)", EncodeRun.InterfacePrint);
                Console.WriteLine("NanoBench: done");
            }
            catch (Exception ex)
            {
                Console.WriteLine("NanoBench: FAILED " + ex.GetType().FullName + ": " + ex.Message);
            }
        }

        private static int FirstCommandTag()
        {
            Session probe = new Session();
            return probe.Connection.Send(probe.Connection.NewCommand().Path("/system/identity/print"));
        }

        private static void Decode(string name, string path, byte[] stream, int rows, int chunk, int touch)
        {
            long best = long.MaxValue;
            string all = string.Empty;
            for (int r = 0; r < Runs; r++)
            {
                long ticks = DecodeRun.Run(path, stream, rows, chunk, touch);
                all += (r == 0 ? string.Empty : " ") + Milliseconds(ticks);
                if (ticks < best)
                {
                    best = ticks;
                }
            }

            string what = touch == DecodeRun.TouchNothing ? "poll only" : "poll + read 2 attributes";
            Console.WriteLine("decode " + name + ": " + (rows + 1) + " replies, " + stream.Length + " B, reads of " + chunk + " B, " + what
                + ": " + PerSecond(rows + 1, best) + " replies/s, " + PerSecond(stream.Length, best) + " B/s, "
                + NanosecondsPer(best, stream.Length) + " ns/B, " + NanosecondsPer(best, rows + 1) / 1000 + " us/reply (runs " + all + " ms)");
        }

        private static void Encode(string name, int kind)
        {
            long buildBest = long.MaxValue;
            long roundBest = long.MaxValue;
            for (int r = 0; r < Runs; r++)
            {
                long build = EncodeRun.BuildOnly(kind, Commands);
                long round = EncodeRun.Round(kind, Commands);
                buildBest = build < buildBest ? build : buildBest;
                roundBest = round < roundBest ? round : roundBest;
            }

            Console.WriteLine("encode " + name + ": build only " + PerSecond(Commands, buildBest) + " commands/s ("
                + NanosecondsPer(buildBest, Commands) / 1000 + " us each); Send + !done round " + PerSecond(Commands, roundBest)
                + " commands/s (" + NanosecondsPer(roundBest, Commands) / 1000 + " us each)");
        }

        private static long PerSecond(long count, long ticks)
        {
            return ticks <= 0 ? 0 : count * TimeSpan.TicksPerSecond / ticks;
        }

        private static long NanosecondsPer(long ticks, long count)
        {
            return count <= 0 ? 0 : ticks * 100 / count;
        }

        private static long Milliseconds(long ticks)
        {
            return ticks / TimeSpan.TicksPerMillisecond;
        }
    }
}
