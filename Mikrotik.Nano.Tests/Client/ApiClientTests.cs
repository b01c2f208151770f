using System.Threading;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Client
{
    /// <summary>The client against a scripted router over the in-memory transport pair.</summary>
    [TestClass]
    public class ApiClientTests
    {
        private static int _rows;
        private static int _dones;
        private static bool _sawNull;
        private static int[] _perCommand = new int[8];

        private static ClientOptions FastOptions()
        {
            ClientOptions options = new ClientOptions();
            options.LoginTimeoutMilliseconds = 2000;
            options.ReadSliceMilliseconds = 20;
            return options;
        }

        /// <summary>Polls until the connection ends; Poll reports the end by throwing its code, which is returned.</summary>
        internal static ErrorCode PollUntilClosed(ApiClient client, int tries)
        {
            for (int i = 0; i < tries; i++)
            {
                try
                {
                    client.Poll(20);
                }
                catch (MikrotikException e)
                {
                    Assert.IsFalse(client.IsConnected, "Poll throws only once the connection has ended");
                    return e.Code;
                }
            }

            return ErrorCode.None;
        }

        private static ApiClient Connected(RouterScript script, out ScriptedRouter router)
        {
            InMemoryTransport transport;
            router = ScriptedRouter.Start(script, out transport);
            ApiClient client = new ApiClient(FastOptions());
            client.Connect(transport, "admin", "secret");
            return client;
        }

        /// <summary>Plain login, then a blocking read of one value.</summary>
        [TestMethod]
        public static void LoginAndReadIdentity()
        {
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            Assert.IsTrue(client.IsConnected);
            Assert.IsTrue(router.HasReceived("/login", "=password=secret"));
            Assert.AreEqual("MikroTik", client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 2000));
            client.Close();
            router.Stop();
        }

        private static void LegacyRouter(ScriptedRouter router, string[] words)
        {
            string t = ".tag=" + ScriptedRouter.Tag(words);
            if (words[0] == "/login" && words.Length == 4 && words[2].StartsWith("=password="))
            {
                router.Reply("!done", "=ret=aabbccddeeff00112233445566778899", t);
            }
            else if (words[0] == "/login")
            {
                if (words[2] == "=response=00a8bfd49490a32a90532cbac11691aae2")
                {
                    router.Reply("!done", t);
                }
                else
                {
                    router.Reply("!trap", "=message=invalid user name or password (6)", t);
                    router.Reply("!done", t);
                }
            }
            else
            {
                RouterBehaviour.Answer(router, words);
            }
        }

        /// <summary>A pre-6.43 router: the challenge is answered with the right MD5 response.</summary>
        [TestMethod]
        public static void LegacyLogin()
        {
            ScriptedRouter router;
            ApiClient client = Connected(LegacyRouter, out router);
            Assert.IsTrue(client.IsConnected);
            client.Close();
            router.Stop();
        }

        private static void RefusingRouter(ScriptedRouter router, string[] words)
        {
            string t = ".tag=" + ScriptedRouter.Tag(words);
            router.Reply("!trap", "=message=invalid user name or password (6)", t);
            router.Reply("!done", t);
        }

        /// <summary>A refused login throws LoginRefused with the router's message and leaves nothing connected.</summary>
        [TestMethod]
        public static void RefusedLogin()
        {
            InMemoryTransport transport;
            ScriptedRouter router = ScriptedRouter.Start(RefusingRouter, out transport);
            ApiClient client = new ApiClient(FastOptions());
            try
            {
                client.Connect(transport, "admin", "wrong");
                Assert.IsTrue(false, "login must fail");
            }
            catch (MikrotikException e)
            {
                Assert.AreEqual((int)ErrorCode.LoginRefused, (int)e.Code);
                Assert.AreEqual("invalid user name or password (6)", e.Message);
            }

            Assert.IsFalse(client.IsConnected);
            router.Stop();
        }

        private static void SilentRouter(ScriptedRouter router, string[] words)
        {
        }

        /// <summary>A router that accepts but never answers the login: Timeout, within the login timeout.</summary>
        [TestMethod]
        public static void LoginTimeout()
        {
            InMemoryTransport transport;
            ScriptedRouter router = ScriptedRouter.Start(SilentRouter, out transport);
            ClientOptions options = FastOptions();
            options.LoginTimeoutMilliseconds = 300;
            ApiClient client = new ApiClient(options);
            Throws.Code(ErrorCode.Timeout, () => client.Connect(transport, "admin", "secret"));
            Assert.IsFalse(client.IsConnected);
            router.Stop();
        }

        private static void CountingHandler(CommandHandle command, Reply reply)
        {
            if (reply == null)
            {
                _sawNull = true;
                return;
            }

            if (reply.Type == ReplyType.Data)
            {
                int n;
                Assert.IsTrue(reply.TryGetInt32("n", out n));
                Interlocked.Increment(ref _perCommand[n]);
                Interlocked.Increment(ref _rows);
            }
            else if (reply.Type == ReplyType.Done)
            {
                Interlocked.Increment(ref _dones);
            }
        }

        private static void InterleavingRouter(ScriptedRouter router, string[] words)
        {
            if (words[0] != "/test/print")
            {
                RouterBehaviour.Answer(router, words);
                return;
            }

            // Hold each command's answer until all eight have arrived, then interleave them.
            if (router.Received.Count < 9)
            {
                return;
            }

            System.Collections.ArrayList all = router.Received;
            for (int row = 0; row < 5; row++)
            {
                for (int i = all.Count - 1; i >= 1; i--)
                {
                    string[] command = (string[])all[i];
                    router.Reply("!re", command[1], ".tag=" + ScriptedRouter.Tag(command));
                }
            }

            for (int i = 1; i < all.Count; i++)
            {
                router.Reply("!done", ".tag=" + ScriptedRouter.Tag((string[])all[i]));
            }
        }

        /// <summary>Eight commands in flight at once, answered interleaved: each handler gets exactly its rows (background pump).</summary>
        [TestMethod]
        public static void EightInterleavedCommandsWithPump()
        {
            _rows = 0;
            _dones = 0;
            _perCommand = new int[8];
            ScriptedRouter router;
            ApiClient client = Connected(InterleavingRouter, out router);
            client.StartPump();
            CommandBuffer buffer = new CommandBuffer(128);
            CommandHandle[] handles = new CommandHandle[8];
            for (int i = 0; i < 8; i++)
            {
                handles[i] = client.Send(buffer.Begin().Path("/test/print").Attribute("n", i), CountingHandler, 5000);
            }

            for (int wait = 0; wait < 200 && _dones < 8; wait++)
            {
                Thread.Sleep(10);
            }

            Assert.AreEqual(8, _dones);
            Assert.AreEqual(40, _rows);
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual(5, _perCommand[i], "rows of command " + i.ToString());
                Assert.IsFalse(handles[i].IsActive);
                Assert.AreEqual((int)ErrorCode.None, (int)handles[i].Error);
            }

            client.Close();
            Assert.IsFalse(client.IsPumpRunning, "Close joins the pump");
            router.Stop();
        }

        /// <summary>Disposing a streaming command's handle cancels it on the router; the connection stays usable.</summary>
        [TestMethod]
        public static void DisposeCancelsStreaming()
        {
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow-only"));
            int rows = 0;
            while (rows < 3)
            {
                Reply reply = client.Poll(100);
                if (reply != null && reply.Type == ReplyType.Data) rows++;
            }

            Assert.IsTrue(log.IsActive);
            log.Dispose();
            Assert.IsFalse(log.IsActive, "a disposed handle is inactive at once");
            log.Dispose();

            RowTable table = new RowTable(new string[] { "name", "running" }, 8, 256);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/interface/print"), table, 2000));
            Assert.AreEqual(3, table.Count);
            Assert.IsTrue(table.ValueEquals(1, table.ColumnOf("running"), "false"));
            Assert.IsTrue(router.HasReceived("/cancel", "=tag=" + log.Tag.ToString()));
            Assert.AreEqual(0, client.UnroutedReplyCount, "the cancelled command's trap and !done were consumed, not unrouted");
            client.Close();
            router.Stop();
        }

        private static void TrapsRouter(ScriptedRouter router, string[] words)
        {
            string t = ".tag=" + ScriptedRouter.Tag(words);
            if (words[0] == "/ip/address/print")
            {
                router.Reply("!empty", t);
                router.Reply("!done", t);
            }
            else if (words[0] == "/ip/address/add")
            {
                router.Reply("!trap", "=message=first problem", t);
                router.Reply("!trap", "=category=1", "=message=second problem", t);
                router.Reply("!done", t);
            }
            else
            {
                RouterBehaviour.Answer(router, words);
            }
        }

        /// <summary>!empty gives no rows and a clean end; several traps before !done give Trap with the first message.</summary>
        [TestMethod]
        public static void EmptyAndMultipleTraps()
        {
            ScriptedRouter router;
            ApiClient client = Connected(TrapsRouter, out router);
            RowTable table = new RowTable(new string[] { "address" }, 4, 128);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/ip/address/print"), table, 2000));
            Assert.AreEqual(0, table.Count);
            Assert.AreEqual((int)ErrorCode.Trap, (int)client.Run(client.NewCommand().Path("/ip/address/add").Attribute("address", "x"), table, 2000));
            Assert.AreEqual("first problem", table.TrapMessage);
            Throws.Code(ErrorCode.Trap, () => client.ReadString(client.NewCommand().Path("/ip/address/add"), "ret", 2000));
            Assert.IsTrue(client.IsConnected);
            client.Close();
            router.Stop();
        }

        /// <summary>!fatal ends the connection and every command, each with Fatal; handlers hear of it once.</summary>
        [TestMethod]
        public static void FatalEndsEverything()
        {
            _sawNull = false;
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow"), CountingHandlerIgnoringRows, 0);
            _ = client.Send(client.NewCommand().Path("/quit"), CountingHandlerIgnoringRows, 0);
            Assert.AreEqual((int)ErrorCode.Fatal, (int)PollUntilClosed(client, 100));
            Assert.AreEqual("session terminated on request", client.ErrorMessage, "the !fatal reason is exposed");
            Assert.AreEqual((int)ErrorCode.Fatal, (int)client.Error);
            Assert.IsFalse(log.IsActive);
            Assert.AreEqual((int)ErrorCode.Fatal, (int)log.Error);
            log.Dispose(); // the command has ended: Dispose is a no-op, and safe
            Assert.IsTrue(_sawNull);
            Throws.Code(ErrorCode.ConnectionClosed, () => client.Send(client.NewCommand().Path("/system/identity/print")));
            router.Stop();
        }

        private static void CountingHandlerIgnoringRows(CommandHandle command, Reply reply)
        {
            if (reply == null)
            {
                _sawNull = true;
            }
        }

        private static void HalfSentenceRouter(ScriptedRouter router, string[] words)
        {
            if (words[0] == "/interface/print")
            {
                byte[] row = WireScript.Sentence("!re", "=name=ether1", ".tag=" + ScriptedRouter.Tag(words));
                byte[] half = new byte[row.Length / 2];
                System.Array.Copy(row, half, half.Length);
                router.WriteRaw(half);
                router.Close();
                return;
            }

            RouterBehaviour.Answer(router, words);
        }

        /// <summary>The peer closing mid-sentence ends the command with PeerClosed, never a half reply.</summary>
        [TestMethod]
        public static void PeerCloseMidSentence()
        {
            ScriptedRouter router;
            ApiClient client = Connected(HalfSentenceRouter, out router);
            RowTable table = new RowTable(new string[] { "name" }, 4, 128);
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)client.Run(client.NewCommand().Path("/interface/print"), table, 2000));
            Assert.AreEqual(0, table.Count);
            Assert.IsFalse(client.IsConnected);
            Assert.AreEqual("router closed the connection in the middle of a reply", client.ErrorMessage, "the lost half reply is reported");
            router.Stop();
        }

        private static void StallingRouter(ScriptedRouter router, string[] words)
        {
            if (words[0] == "/login")
            {
                RouterBehaviour.Answer(router, words);
            }
        }

        /// <summary>A router that stops answering: the command times out, then keepalive declares the connection dead.</summary>
        [TestMethod]
        public static void StalledRouterTimesOutAndKeepaliveDetectsIt()
        {
            InMemoryTransport transport;
            ScriptedRouter router = ScriptedRouter.Start(StallingRouter, out transport);
            ClientOptions options = FastOptions();
            options.Connection.KeepaliveIdleMilliseconds = 200;
            options.Connection.KeepaliveTimeoutMilliseconds = 200;
            ApiClient client = new ApiClient(options);
            client.Connect(transport, "admin", "secret");

            RowTable table = new RowTable(new string[] { "name" }, 4, 128);
            Assert.AreEqual((int)ErrorCode.Timeout, (int)client.Run(client.NewCommand().Path("/interface/print"), table, 150));
            Assert.IsTrue(client.IsConnected, "a command timeout alone does not end the connection");
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)PollUntilClosed(client, 100));
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)client.Error);
            Assert.IsTrue(router.HasReceived("/system/identity/print", null), "a keepalive was sent");
            router.Stop();
        }

        /// <summary>More rows than the caller's storage: StorageFull, the command is cancelled, the connection stays usable.</summary>
        [TestMethod]
        public static void OverflowingConsumerIsReported()
        {
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            RowTable small = new RowTable(new string[] { "name" }, 2, 128);
            Assert.AreEqual((int)ErrorCode.StorageFull, (int)client.Run(client.NewCommand().Path("/interface/print"), small, 2000));
            Assert.AreEqual(2, small.Count, "the rows that fit are kept");
            Assert.AreEqual("MikroTik", client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 2000));
            client.Close();
            router.Stop();
        }

        /// <summary>After a drop, Connect on a new transport logs in again; old handles report how their connection ended.</summary>
        [TestMethod]
        public static void ReconnectAfterDrop()
        {
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow"));
            router.Close();
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)PollUntilClosed(client, 100));
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)client.Error);
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)log.Error);

            InMemoryTransport transport;
            ScriptedRouter second = ScriptedRouter.Start(RouterBehaviour.Answer, out transport);
            client.Connect(transport, "admin", "secret");
            Assert.IsTrue(second.HasReceived("/login", null));
            Assert.IsFalse(log.IsActive);
            log.Dispose(); // a handle of the old connection: must not touch the new one
            Assert.AreEqual("MikroTik", client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 2000));
            client.Close();
            second.Stop();
            router.Stop();
        }

        private static void ThrowingHandler(CommandHandle command, Reply reply)
        {
            throw new System.Exception("bug in the application");
        }

        private static readonly AutoResetEvent _finalReplySeen = new AutoResetEvent(false);

        // Wakes the test on the final reply, then lingers in the handler as a slow application would.
        private static void SignalOnDoneThenLinger(CommandHandle command, Reply reply)
        {
            if (reply != null && reply.Type == ReplyType.Done)
            {
                _finalReplySeen.Set();
                Thread.Sleep(100);
            }
        }

        /// <summary>A thread woken by a handler's final reply reads the handle as ended: the handle waits for the pump to finish that reply.</summary>
        [TestMethod]
        public static void HandleReadsEndedOnceTheFinalReplyWasHandled()
        {
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            client.StartPump();
            CommandHandle handle = client.Send(client.NewCommand().Path("/system/identity/print"), SignalOnDoneThenLinger, 2000);
            Assert.IsTrue(_finalReplySeen.WaitOne(5000, false), "the final reply reached the handler");
            Assert.IsFalse(handle.IsActive, "a reader woken by the handler sees the command ended");
            Assert.AreEqual((int)ErrorCode.None, (int)handle.Error);
            handle.Dispose();
            client.Close();
            router.Stop();
        }

        /// <summary>A handler that throws stops its own command (HandlerFailed), not the pump.</summary>
        [TestMethod]
        public static void ThrowingHandlerIsContained()
        {
            ScriptedRouter router;
            ApiClient client = Connected(RouterBehaviour.Answer, out router);
            client.StartPump();
            CommandHandle handle = client.Send(client.NewCommand().Path("/interface/print"), ThrowingHandler, 2000);
            for (int i = 0; i < 100 && handle.IsActive; i++)
            {
                Thread.Sleep(10);
            }

            Assert.AreEqual((int)ErrorCode.HandlerFailed, (int)handle.Error);
            Assert.IsTrue(client.IsPumpRunning);
            Assert.AreEqual("MikroTik", client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 2000));
            client.Close();
            router.Stop();
        }

        private static ApiClient _shared;
        private static int _threadFailures;

        private static void Worker()
        {
            CommandBuffer own = new CommandBuffer(128);
            RowTable table = new RowTable(new string[] { "name" }, 4, 128);
            for (int i = 0; i < 25; i++)
            {
                ErrorCode result = _shared.Run(own.Begin().Path("/interface/print"), table, 5000);
                if (result != ErrorCode.None || table.Count != 3 || !table.ValueEquals(2, 0, "wlan1"))
                {
                    Interlocked.Increment(ref _threadFailures);
                }
            }
        }

        /// <summary>Four threads run commands concurrently over one pumped client; every result is complete and correct.</summary>
        [TestMethod]
        public static void ConcurrentCallersWithPump()
        {
            ScriptedRouter router;
            _shared = Connected(RouterBehaviour.Answer, out router);
            _shared.StartPump();
            _threadFailures = 0;
            Thread[] threads = new Thread[4];
            for (int i = 0; i < threads.Length; i++)
            {
                threads[i] = new Thread(Worker);
                threads[i].Start();
            }

            for (int i = 0; i < threads.Length; i++)
            {
                threads[i].Join();
            }

            Assert.AreEqual(0, _threadFailures);
            Assert.AreEqual(0, _shared.UnroutedReplyCount);
            _shared.Close();
            router.Stop();
        }
    }
}
