using System;
using BenchmarkDotNet.Attributes;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>Encoding typical commands: into a <see cref="CommandBuffer"/>, and the whole core round of one command.</summary>
    [MemoryDiagnoser]
    [Config(typeof(EncodeConfig))]
    public class EncodeBenchmarks
    {
        private CommandBuffer _buffer;
        private ApiConnection _connection;
        private byte[] _done;

        [GlobalSetup]
        public void Setup()
        {
            _buffer = new CommandBuffer(512);
            DecodeDriver login = new DecodeDriver(ReplyStreams.GetEmpty(), 1460, new ConnectionOptions());
            _connection = login.Connection;

            _done = new byte[32];
        }

        /// <summary>/ip/firewall/address-list/print with .proplist, three queries and ?#|| (encoding only).</summary>
        [Benchmark]
#pragma warning disable MTN0009 // encoding only: these benchmarks measure building a command, nothing is sent
        public int PrintWithQueries()
        {
            CommandWriter w = BuildPrint(_buffer);
            return w.Buffer == _buffer ? 1 : 0;
        }

        /// <summary>/ip/firewall/address-list/add with four attributes (encoding only).</summary>
        [Benchmark]
        public int AddWithAttributes()
        {
            CommandWriter w = _buffer.Begin().Path("/ip/firewall/address-list/add")
                .Attribute("list", "blocked")
                .Attribute("address", "203.0.113.77")
                .Attribute("timeout", "1d")
                .Attribute("comment", "ssh brute force");
            return w.Buffer == _buffer ? 1 : 0;
        }
#pragma warning restore MTN0009

        /// <summary>
        /// The core's whole round for one command: build the print above in the connection's own
        /// buffer, Send (tag, copy into the transmit buffer), drain it, then receive its !done and Poll.
        /// </summary>
        [Benchmark]
        public int SendAndComplete()
        {
            ApiConnection c = _connection;
            int tag = c.Send(BuildPrint(c.NewCommand()));
            c.CommitTransmitted(c.TransmitCount);
            int length = WriteDone(tag);
            int offset;
            c.PrepareReceive(out offset);
            Buffer.BlockCopy(_done, 0, c.ReceiveBuffer, offset, length);
            c.CommitReceived(length);
            if (c.Poll() != ConnectionEvent.Reply || c.Reply.Type != ReplyType.Done || c.Poll() != ConnectionEvent.None)
            {
                throw new InvalidOperationException("no !done");
            }

            return tag;
        }

        // The router's answer "!done" ".tag=N", written for each command (tags keep counting up).
        private int WriteDone(int tag)
        {
            int digits = 1;
            for (int t = tag; t >= 10; t /= 10) digits++;
            byte[] d = _done;
            d[0] = 5;
            d[1] = (byte)'!'; d[2] = (byte)'d'; d[3] = (byte)'o'; d[4] = (byte)'n'; d[5] = (byte)'e';
            d[6] = (byte)(5 + digits);
            d[7] = (byte)'.'; d[8] = (byte)'t'; d[9] = (byte)'a'; d[10] = (byte)'g'; d[11] = (byte)'=';
            for (int i = 11 + digits, t = tag; i > 11; i--, t /= 10)
            {
                d[i] = (byte)('0' + t % 10);
            }

            d[12 + digits] = 0;
            return 13 + digits;
        }

        private static CommandWriter BuildPrint(CommandBuffer buffer)
        {
            return BuildPrint(buffer.Begin());
        }

        private static CommandWriter BuildPrint(CommandBuilder builder)
        {
            return builder.Path("/ip/firewall/address-list/print")
                .Proplist(".id,list,address,timeout,comment")
                .QueryEquals("list", "blocked")
                .QueryEquals("list", "scanners")
                .QueryHas("comment")
                .QueryOperations("||");
        }

        private sealed class EncodeConfig : BenchmarkDotNet.Configs.ManualConfig
        {
            public EncodeConfig()
            {
                AddColumn(RateColumn.PerSecond("Commands/s"));
            }
        }
    }
}
