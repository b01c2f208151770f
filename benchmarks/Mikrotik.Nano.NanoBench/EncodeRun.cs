using System;

namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// Encoding commands: into a <see cref="CommandBuffer"/> only, and the core's whole round for one
    /// command (build in the connection, Send, drain the transmit buffer, receive its <c>!done</c>, Poll).
    /// </summary>
    public static class EncodeRun
    {
        /// <summary>The address-list command: an add with four attributes.</summary>
        public const int AddressListAdd = 0;

        /// <summary>The interface command: a print with <c>.proplist</c>, two queries and <c>?#|</c>.</summary>
        public const int InterfacePrint = 1;

        /// <summary>Builds the command <paramref name="count"/> times into one buffer.</summary>
        /// <param name="kind">Which command (a constant above).</param>
        /// <param name="count">How many times.</param>
        /// <returns>Elapsed time in ticks (100 ns).</returns>
        public static long BuildOnly(int kind, int count)
        {
            CommandBuffer buffer = new CommandBuffer(512);
            Build(buffer.Begin(), kind);
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                Build(buffer.Begin(), kind);
            }

            return DateTime.UtcNow.Ticks - start;
        }

        /// <summary>
        /// Runs the whole round <paramref name="count"/> times on one connection: the router's <c>!done</c>
        /// for each command is written (with its tag) into a small array and fed like a transport read.
        /// </summary>
        /// <param name="kind">Which command (a constant above).</param>
        /// <param name="count">How many rounds.</param>
        /// <returns>Elapsed time in ticks (100 ns).</returns>
        public static long Round(int kind, int count)
        {
            Session session = new Session();
            ApiConnection c = session.Connection;
            byte[] done = new byte[24];
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < count; i++)
            {
                int tag = c.Send(Build(c.NewCommand(), kind));
                c.CommitTransmitted(c.TransmitCount);
                int length = WriteDone(done, tag);
                session.Feed(done, 0, length);
                if (c.Poll() != ConnectionEvent.Reply || c.Reply.Type != ReplyType.Done || c.Poll() != ConnectionEvent.None)
                {
                    throw new Exception("no !done for tag " + tag);
                }
            }

            return DateTime.UtcNow.Ticks - start;
        }

        private static CommandWriter Build(CommandBuilder builder, int kind)
        {
            if (kind == AddressListAdd)
            {
                return builder.Path("/ip/firewall/address-list/add")
                    .Attribute("list", "blocked")
                    .Attribute("address", "203.0.113.77")
                    .Attribute("timeout", "1d")
                    .Attribute("comment", "ssh brute force");
            }

            return builder.Path("/interface/print")
                .Proplist("name,type,running")
                .QueryEquals("type", "ether")
                .QueryEquals("type", "vlan")
                .QueryOperations("|");
        }

        // "!done" ".tag=N" and the terminator, as the router answers a command; no string is made.
        private static int WriteDone(byte[] d, int tag)
        {
            int digits = 1;
            for (int t = tag; t >= 10; t /= 10)
            {
                digits++;
            }

            d[0] = 5;
            d[1] = (byte)'!';
            d[2] = (byte)'d';
            d[3] = (byte)'o';
            d[4] = (byte)'n';
            d[5] = (byte)'e';
            d[6] = (byte)(5 + digits);
            d[7] = (byte)'.';
            d[8] = (byte)'t';
            d[9] = (byte)'a';
            d[10] = (byte)'g';
            d[11] = (byte)'=';
            for (int i = 11 + digits, t = tag; i > 11; i--, t /= 10)
            {
                d[i] = (byte)('0' + t % 10);
            }

            d[12 + digits] = 0;
            return 13 + digits;
        }
    }
}
