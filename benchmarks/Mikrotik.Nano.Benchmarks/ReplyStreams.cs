using System;
using System.Collections.Concurrent;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>One precomputed reply stream: rounds of commands, each round's replies contiguous.</summary>
    public sealed class ReplyStream
    {
        public string Name;
        public byte[] Data;
        public int Sentences;
        public int Rounds;
        public int CommandsPerRound;
        public int DataRows;
        public string CommandPath;

        /// <summary>Byte range of round r: [RoundStart[r], RoundStart[r + 1]).</summary>
        public int[] RoundStart;

        /// <summary>Tag fields of round r: [RoundTagStart[r], RoundTagStart[r + 1]) in TagOffsets/TagCommands.</summary>
        public int[] RoundTagStart;
        public int[] TagOffsets;
        public int[] TagCommands;
    }

    /// <summary>
    /// The reply streams the decode benchmarks and the receive-work report use. Deterministic, so
    /// the summary columns (MB/s, sentences/s) can rebuild them in the host process.
    /// </summary>
    public static class ReplyStreams
    {
        public const string Interfaces = "Interfaces";
        public const string AddressList = "AddressList";
        public const string Mixed = "Mixed";

        public const int InterfaceRows = 1000;
        public const int AddressRows = 100_000;
        public const int MixedRounds = 500;

        private static readonly ConcurrentDictionary<string, ReplyStream> Cache = new ConcurrentDictionary<string, ReplyStream>();

        /// <summary>A stream with no rounds (to get a logged-in connection from <see cref="DecodeDriver"/>).</summary>
        public static ReplyStream GetEmpty()
        {
            return new ReplyStream { Name = "Empty", Data = new byte[0], RoundStart = new[] { 0 }, RoundTagStart = new[] { 0 } };
        }

        public static ReplyStream Get(string name)
        {
            return Cache.GetOrAdd(name, Build);
        }

        private static ReplyStream Build(string name)
        {
            switch (name)
            {
                case Interfaces: return BuildInterfaces();
                case AddressList: return BuildAddressList();
                case Mixed: return BuildMixed();
                default: throw new ArgumentException(name);
            }
        }

        // /interface/print on a busy router: ~25 attributes per row, RouterOS 7 style values.
        private static ReplyStream BuildInterfaces()
        {
            var w = new WireWriter();
            var rnd = new Random(7);
            for (int i = 0; i < InterfaceRows; i++)
            {
                bool vlan = i % 4 == 3;
                string name = vlan ? "vlan" + (100 + i) : (i < 24 ? "ether" + (i + 1) : "sfp-sfpplus" + (i - 23));
                long rxBytes = (long)(rnd.NextDouble() * 9e11);
                long txBytes = (long)(rnd.NextDouble() * 9e11);
                w.Sentence(0,
                    "!re",
                    "=.id=*" + (i + 1).ToString("X"),
                    "=name=" + name,
                    "=default-name=" + (vlan ? "" : name),
                    "=type=" + (vlan ? "vlan" : "ether"),
                    "=mtu=1500",
                    "=actual-mtu=1500",
                    "=l2mtu=1592",
                    "=max-l2mtu=10218",
                    "=mac-address=" + string.Format("48:A9:8A:{0:X2}:{1:X2}:{2:X2}", rnd.Next(256), rnd.Next(256), rnd.Next(256)),
                    "=last-link-up-time=2026-11-" + (10 + i % 17).ToString("D2") + " 0" + (i % 10) + ":14:31",
                    "=link-downs=" + rnd.Next(20),
                    "=rx-byte=" + rxBytes,
                    "=tx-byte=" + txBytes,
                    "=rx-packet=" + rxBytes / 900,
                    "=tx-packet=" + txBytes / 870,
                    "=rx-drop=0",
                    "=tx-drop=0",
                    "=tx-queue-drop=" + rnd.Next(100),
                    "=rx-error=0",
                    "=tx-error=0",
                    "=fp-rx-byte=" + rxBytes / 3,
                    "=fp-tx-byte=" + txBytes / 3,
                    "=running=" + (i % 7 == 5 ? "false" : "true"),
                    "=slave=" + (i % 3 == 0 ? "true" : "false"),
                    "=disabled=false",
                    "=comment=" + (i % 5 == 0 ? "uplink to core switch " + i : ""));
            }

            w.Sentence(0, "!done");
            return Finish(w, Interfaces, 1, 1, InterfaceRows, "/interface/print", null, null);
        }

        // /ip/firewall/address-list/print of a 100,000-entry block list.
        private static ReplyStream BuildAddressList()
        {
            var w = new WireWriter();
            for (int i = 0; i < AddressRows; i++)
            {
                int s = i % 86400;
                w.Sentence(0,
                    "!re",
                    "=.id=*" + (0x10000 + i).ToString("X"),
                    "=list=blocked",
                    "=address=10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255),
                    "=creation-time=2026-11-27 " + (s / 3600).ToString("D2") + ":" + (s / 60 % 60).ToString("D2") + ":" + (s % 60).ToString("D2"),
                    "=dynamic=false",
                    "=disabled=false");
            }

            w.Sentence(0, "!done");
            return Finish(w, AddressList, 1, 1, AddressRows, "/ip/firewall/address-list/print", null, null);
        }

        // Request/response rounds of 8 commands whose replies interleave: four print 3 rows each,
        // two trap (no such item), one answers !empty (RouterOS 7.18+), one !done =ret= (an add).
        private static ReplyStream BuildMixed()
        {
            var w = new WireWriter();
            int[] roundStart = new int[MixedRounds + 1];
            int[] roundTags = new int[MixedRounds + 1];
            int rows = 0;
            for (int r = 0; r < MixedRounds; r++)
            {
                roundStart[r] = w.Length;
                roundTags[r] = w.TagOffsets().Length;
                for (int k = 0; k < 3; k++)
                {
                    for (int c = 0; c < 4; c++)
                    {
                        int id = r * 12 + c * 3 + k;
                        w.Sentence(c, "!re", "=.id=*" + id.ToString("X"), "=dst-address=10." + (id % 250) + ".0.0/24",
                            "=gateway=192.168.88.1", "=distance=" + (1 + id % 3), "=active=true", "=dynamic=false");
                        rows++;
                    }

                    if (k == 0)
                    {
                        w.Sentence(4, "!trap", "=category=0", "=message=no such item");
                        w.Sentence(6, "!empty");
                    }

                    if (k == 1)
                    {
                        w.Sentence(5, "!trap", "=category=0", "=message=no such item");
                        w.Sentence(4, "!done");
                        w.Sentence(7, "!done", "=ret=*" + (0x100 + r).ToString("X"));
                    }
                }

                w.Sentence(6, "!done");
                w.Sentence(5, "!done");
                for (int c = 0; c < 4; c++)
                {
                    w.Sentence(c, "!done");
                }
            }

            roundStart[MixedRounds] = w.Length;
            roundTags[MixedRounds] = w.TagOffsets().Length;
            return Finish(w, Mixed, MixedRounds, 8, rows, "/ip/route/print", roundStart, roundTags);
        }

        private static ReplyStream Finish(WireWriter w, string name, int rounds, int commands, int rows, string path, int[] roundStart, int[] roundTags)
        {
            var s = new ReplyStream
            {
                Name = name,
                Data = w.ToArray(),
                Sentences = w.Sentences,
                Rounds = rounds,
                CommandsPerRound = commands,
                DataRows = rows,
                CommandPath = path,
                TagOffsets = w.TagOffsets(),
                TagCommands = w.TagCommands(),
            };
            s.RoundStart = roundStart ?? new[] { 0, s.Data.Length };
            s.RoundTagStart = roundTags ?? new[] { 0, s.TagOffsets.Length };
            return s;
        }
    }
}
