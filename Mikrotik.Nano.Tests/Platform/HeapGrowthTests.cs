using System;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace Mikrotik.Nano.Tests.Platform
{
    /// <summary>
    /// Memory measured on the real runtime (device-only: needs nanoFramework.Runtime.Native):
    /// free heap after a full collection, before and after the measured work, must not drop.
    /// The router is <see cref="LoopbackRouter"/>, which allocates nothing itself, and the loops
    /// allocate nothing of their own (results are tallied in ints and asserted afterwards).
    /// </summary>
    [TestClass]
    public class HeapGrowthTests
    {
        private const int FixedTag = 10;

        // "!re =name=ether1 =mtu=1500 .tag=0000000000" with the tag digits patched per command.
        private static byte[] _row;
        private static byte[] _done;
        private static int _rowTagAt;
        private static int _doneTagAt;
        private static int _good;
        private static int _bad;

        private static void OnReply(CommandHandle command, Reply reply)
        {
            if (reply != null && (reply.Type == ReplyType.Data || reply.Type == ReplyType.Done))
            {
                _good++;
            }
        }

        /// <summary>10,000 replies (rows and !done) through a logged-in core: 0 bytes of heap growth.</summary>
        [TestMethod]
        public static void CoreRepliesDoNotGrowTheHeap()
        {
            _row = WireScript.Sentence("!re", "=name=ether1", "=mtu=1500", ".tag=0000000000");
            _done = WireScript.Sentence("!done", ".tag=0000000000");
            _rowTagAt = _row.Length - 1 - FixedTag;
            _doneTagAt = _done.Length - 1 - FixedTag;
            ApiConnection connection = WireScript.LoggedIn(null);
            _good = 0;
            _bad = 0;
            RunCore(connection, 20);

            // Free heap can only rise meanwhile (nanoCLR sometimes collects an object an earlier test
            // left, during the run); growth shows as a drop in every pass. Up to three passes of
            // 10,000 replies, until one measures exactly.
            bool exact = false;
            for (int pass = 0; pass < 3 && !exact; pass++)
            {
                uint before = SettledFreeHeap();
                RunCore(connection, 1000);
                uint after = SettledFreeHeap();
                OutputHelper.WriteLine("core: 10000 replies; free heap before " + before.ToString() + " after " + after.ToString());
                Assert.IsTrue(after >= before, "heap growth over 10000 replies: " + ((long)before - (long)after).ToString() + " B");
                exact = after == before;
            }

            Assert.AreEqual(0, _bad, "every reply as expected");
            Assert.IsTrue(exact, "no pass measured without interference");
        }

        // Each command: 9 rows and a !done = 10 replies.
        private static void RunCore(ApiConnection connection, int commands)
        {
            for (int c = 0; c < commands; c++)
            {
                int tag = connection.Send(connection.NewCommand().Path("/interface/print").Proplist("name,mtu"));
                connection.CommitTransmitted(connection.TransmitCount);
                PatchTag(_row, _rowTagAt, tag);
                PatchTag(_done, _doneTagAt, tag);
                for (int r = 0; r < 10; r++)
                {
                    byte[] sentence = r < 9 ? _row : _done;
                    int offset;
                    int room = connection.PrepareReceive(out offset);
                    if (room < sentence.Length)
                    {
                        _bad++;
                        return;
                    }

                    Array.Copy(sentence, 0, connection.ReceiveBuffer, offset, sentence.Length);
                    connection.CommitReceived(sentence.Length);
                    ConnectionEvent e;
                    while ((e = connection.Poll()) != ConnectionEvent.None)
                    {
                        Reply reply = connection.Reply;
                        int mtu;
                        bool ok = e == ConnectionEvent.Reply && reply.Tag == tag && connection.EventTag == tag
                            && (reply.Type == ReplyType.Done || (reply.AttributeEquals("name", "ether1") && reply.TryGetInt32("mtu", out mtu) && mtu == 1500));
                        if (ok) _good++; else _bad++;
                    }
                }
            }
        }

        // Free heap after full collections, repeated until it stops changing: objects of earlier
        // tests that wait for finalization are gone before the measurement starts.
        private static uint SettledFreeHeap()
        {
            uint last = NativeGC.Run(false);
            for (int i = 0; i < 8; i++)
            {
                uint free = NativeGC.Run(false);
                if (free == last)
                {
                    break;
                }

                last = free;
            }

            return last;
        }

        private static void PatchTag(byte[] sentence, int at, int tag)
        {
            for (int i = FixedTag - 1; i >= 0; i--)
            {
                sentence[at + i] = (byte)('0' + tag % 10);
                tag /= 10;
            }
        }

        /// <summary>
        /// 2,000 commands through ApiClient, polled (1,000) and by handler and Run (1,000), with a
        /// reconnect every 100 commands: 0 bytes of heap growth.
        /// </summary>
        [TestMethod]
        public static void ClientCommandsAndReconnectsDoNotGrowTheHeap()
        {
            LoopbackRouter router = new LoopbackRouter();
            ClientOptions options = new ClientOptions();
            options.Connection.KeepaliveIdleMilliseconds = 0;
            ApiClient client = new ApiClient(options);
            CommandBuffer command = new CommandBuffer(128);
            RowTable rows = new RowTable(new string[] { "name", "mtu" }, 4, 128);
            ReplyHandler handler = OnReply;
            client.Connect(router, "admin", "secret");
            _good = 0;
            _bad = 0;
            RunClient(client, router, command, rows, handler, 100);
            uint before = SettledFreeHeap();
            RunClient(client, router, command, rows, handler, 2000);
            uint after = SettledFreeHeap();
            OutputHelper.WriteLine("client: 2000 commands (polled and handler/Run) with 20 reconnects; free heap before " + before.ToString() + " after " + after.ToString());
            Assert.AreEqual(0, _bad, "every command as expected");
            Assert.IsTrue(after >= before, "heap growth over 2000 client commands: " + ((long)before - (long)after).ToString() + " B");
            client.Close();
        }

        private static void RunClient(ApiClient client, LoopbackRouter router, CommandBuffer command, RowTable rows, ReplyHandler handler, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (i % 100 == 99)
                {
                    client.Close();
                    router.Reopen();
                    client.Connect(router, "admin", "secret");
                }

                if (i % 2 == 0)
                {
                    CommandHandle handle = client.Send(command.Begin().Path("/interface/print").Proplist("name,mtu"));
                    int seen = 0;
                    while (handle.IsActive)
                    {
                        Reply reply = client.Poll(0);
                        long mtu;
                        if (reply != null && reply.Type == ReplyType.Data && reply.TryGetInt64("mtu", out mtu) && mtu == 1500)
                        {
                            seen++;
                        }
                    }

                    if (seen != 3 || handle.Error != ErrorCode.None) _bad++;
                }
                else
                {
                    CommandHandle handle = client.Send(command.Begin().Path("/system/identity/print"), handler, 5000);
                    while (handle.IsActive)
                    {
                        client.Poll(0);
                    }

                    if (client.Run(command.Begin().Path("/interface/print"), rows, 5000) != ErrorCode.None || rows.Count != 3 || !rows.ValueEquals(2, 0, "ether3"))
                    {
                        _bad++;
                    }
                }
            }
        }

        /// <summary>What construction costs on this runtime (24-byte heap blocks here; a board's are 12), printed for the README.</summary>
        [TestMethod]
        public static void ConstructedSizes()
        {
            ConnectionOptions small = new ConnectionOptions();
            small.ReceiveBufferSize = 1024;
            small.TransmitBufferSize = 256;
            small.CommandBufferSize = 128;
            small.MaxWordsPerSentence = 24;
            small.TagSlots = 2;
            ConnectionOptions standard = new ConnectionOptions();
            ClientOptions clientSmall = new ClientOptions();
            clientSmall.Connection = small;
            ClientOptions clientStandard = new ClientOptions();
            new ApiConnection(standard);
            new ApiClient(clientStandard);

            uint a = NativeGC.Run(false);
            ApiConnection c1 = new ApiConnection(standard);
            uint b = NativeGC.Run(false);
            ApiConnection c2 = new ApiConnection(small);
            uint c = NativeGC.Run(false);
            ApiClient k1 = new ApiClient(clientStandard);
            uint d = NativeGC.Run(false);
            ApiClient k2 = new ApiClient(clientSmall);
            uint e = NativeGC.Run(false);
            OutputHelper.WriteLine("constructed on nanoCLR: ApiConnection default " + (a - b).ToString() + " B; small " + (b - c).ToString()
                + " B; ApiClient default " + (c - d).ToString() + " B; small " + (d - e).ToString() + " B");
            Assert.IsTrue(c1 != null && c2 != null && k1 != null && k2 != null);
            Assert.IsTrue(a - b > 4096 && b - c > 1024, "the buffers are allocated at construction");
        }
    }
}
