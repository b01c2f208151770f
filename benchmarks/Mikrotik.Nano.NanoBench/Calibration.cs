using System;

namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// What the interpreter charges for the operations the decoder and encoder are made of, each
    /// measured over many iterations minus an empty loop. Lets the per-byte and per-word figures be
    /// read as "so many calls and array reads".
    /// </summary>
    public static class Calibration
    {
        private const int Iterations = 200000;

        private static readonly byte[] Bytes = new byte[2048];
        private static readonly byte[] Target = new byte[1460];
        private static readonly string Text = "/ip/firewall/address-list/add";
        private static int _sink;

        /// <summary>Prints one line: nanoseconds per operation.</summary>
        public static void Print()
        {
            long empty = EmptyLoop();
            Console.WriteLine("interpreter costs (ns per operation, empty loop of " + Ns(empty, 0) + " ns subtracted): "
                + "byte[] read " + Ns(ByteRead(), empty)
                + ", string indexer " + Ns(StringIndexer(), empty)
                + ", static call (int) " + Ns(StaticCall(), empty)
                + ", call with 2 out params " + Ns(OutCall(), empty)
                + ", long multiply-add " + Ns(LongMath(), empty)
                + ", Array.Copy 1460 B " + Ns(Copy1460(), empty));
        }

        private static string Ns(long ticks, long baseline)
        {
            long net = ticks - baseline;
            return (net < 0 ? 0 : net * 100 / Iterations).ToString();
        }

        private static long EmptyLoop()
        {
            long start = DateTime.UtcNow.Ticks;
            int s = 0;
            for (int i = 0; i < Iterations; i++)
            {
                s += i;
            }

            _sink = s;
            return DateTime.UtcNow.Ticks - start;
        }

        private static long ByteRead()
        {
            byte[] b = Bytes;
            long start = DateTime.UtcNow.Ticks;
            int s = 0;
            for (int i = 0; i < Iterations; i++)
            {
                s += b[i & 1023];
            }

            _sink = s;
            return DateTime.UtcNow.Ticks - start;
        }

        private static long StringIndexer()
        {
            string t = Text;
            long start = DateTime.UtcNow.Ticks;
            int s = 0;
            for (int i = 0; i < Iterations; i++)
            {
                s += t[i & 15];
            }

            _sink = s;
            return DateTime.UtcNow.Ticks - start;
        }

        private static long StaticCall()
        {
            long start = DateTime.UtcNow.Ticks;
            int s = 0;
            for (int i = 0; i < Iterations; i++)
            {
                s += Identity(i);
            }

            _sink = s;
            return DateTime.UtcNow.Ticks - start;
        }

        private static long OutCall()
        {
            long start = DateTime.UtcNow.Ticks;
            int s = 0;
            for (int i = 0; i < Iterations; i++)
            {
                int a;
                int b;
                TwoOut(i, out a, out b);
                s += a + b;
            }

            _sink = s;
            return DateTime.UtcNow.Ticks - start;
        }

        private static long LongMath()
        {
            long start = DateTime.UtcNow.Ticks;
            long v = 0;
            for (int i = 0; i < Iterations; i++)
            {
                v = v * 10 + i;
            }

            _sink = (int)v;
            return DateTime.UtcNow.Ticks - start;
        }

        private static long Copy1460()
        {
            byte[] b = Bytes;
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < Iterations; i++)
            {
                Array.Copy(b, 0, Target, 0, 1460);
            }

            return DateTime.UtcNow.Ticks - start;
        }

        private static int Identity(int value)
        {
            return value;
        }

        private static void TwoOut(int value, out int a, out int b)
        {
            a = value;
            b = value + 1;
        }
    }
}
