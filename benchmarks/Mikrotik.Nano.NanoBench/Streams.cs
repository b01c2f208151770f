namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// The two reply streams of the benchmark, as a router sends them for one command: an address-list
    /// print (7 words a row, ~110 bytes) and an interface print (27 words a row, ~480 bytes), each
    /// ending with <c>!done</c>. The same rows as the host benchmarks (benchmarks/Mikrotik.Nano.Benchmarks).
    /// </summary>
    public static class Streams
    {
        /// <summary>/ip/firewall/address-list/print of a block list.</summary>
        /// <param name="rows">How many <c>!re</c> rows.</param>
        /// <param name="tag">The command's tag.</param>
        /// <returns>The stream.</returns>
        public static WireStream AddressList(int rows, int tag)
        {
            string tagWord = ".tag=" + tag;
            WireStream w = new WireStream(rows * 130 + 64);
            for (int i = 0; i < rows; i++)
            {
                int s = i % 86400;
                w.Word("!re");
                w.Word("=.id=*" + (0x10000 + i).ToString("X"));
                w.Word("=list=blocked");
                w.Word("=address=10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255));
                w.Word("=creation-time=2026-11-27 " + Two(s / 3600) + ":" + Two(s / 60 % 60) + ":" + Two(s % 60));
                w.Word("=dynamic=false");
                w.Word("=disabled=false");
                w.Word(tagWord);
                w.End();
            }

            w.Word("!done");
            w.Word(tagWord);
            w.End();
            return w;
        }

        /// <summary>/interface/print on a busy router: 26 attributes a row, RouterOS 7 style values.</summary>
        /// <param name="rows">How many <c>!re</c> rows.</param>
        /// <param name="tag">The command's tag.</param>
        /// <returns>The stream.</returns>
        public static WireStream Interfaces(int rows, int tag)
        {
            string tagWord = ".tag=" + tag;
            WireStream w = new WireStream(rows * 520 + 64);
            for (int i = 0; i < rows; i++)
            {
                bool vlan = i % 4 == 3;
                string name = vlan ? "vlan" + (100 + i) : (i < 24 ? "ether" + (i + 1) : "sfp-sfpplus" + (i - 23));
                long rxBytes = 123456789L * (i + 7) % 900000000000L;
                long txBytes = 987654321L * (i + 3) % 900000000000L;
                w.Word("!re");
                w.Word("=.id=*" + (i + 1).ToString("X"));
                w.Word("=name=" + name);
                w.Word("=default-name=" + (vlan ? "" : name));
                w.Word("=type=" + (vlan ? "vlan" : "ether"));
                w.Word("=mtu=1500");
                w.Word("=actual-mtu=1500");
                w.Word("=l2mtu=1592");
                w.Word("=max-l2mtu=10218");
                w.Word("=mac-address=48:A9:8A:" + (i & 255).ToString("X2") + ":" + ((i * 7) & 255).ToString("X2") + ":" + ((i * 13) & 255).ToString("X2"));
                w.Word("=last-link-up-time=2026-11-" + Two(10 + i % 17) + " 0" + (i % 10) + ":14:31");
                w.Word("=link-downs=" + (i % 20));
                w.Word("=rx-byte=" + rxBytes);
                w.Word("=tx-byte=" + txBytes);
                w.Word("=rx-packet=" + rxBytes / 900);
                w.Word("=tx-packet=" + txBytes / 870);
                w.Word("=rx-drop=0");
                w.Word("=tx-drop=0");
                w.Word("=tx-queue-drop=" + (i % 100));
                w.Word("=rx-error=0");
                w.Word("=tx-error=0");
                w.Word("=fp-rx-byte=" + rxBytes / 3);
                w.Word("=fp-tx-byte=" + txBytes / 3);
                w.Word("=running=" + (i % 7 == 5 ? "false" : "true"));
                w.Word("=slave=" + (i % 3 == 0 ? "true" : "false"));
                w.Word("=disabled=false");
                w.Word("=comment=" + (i % 5 == 0 ? "uplink to core switch " + i : ""));
                w.Word(tagWord);
                w.End();
            }

            w.Word("!done");
            w.Word(tagWord);
            w.End();
            return w;
        }

        private static string Two(int value)
        {
            return value < 10 ? "0" + value : value.ToString();
        }
    }
}
