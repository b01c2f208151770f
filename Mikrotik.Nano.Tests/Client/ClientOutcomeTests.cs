using System;
using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Client
{
    /// <summary>
    /// Issue 10's client defects, through the public API against a scripted router; timers run in
    /// virtual time (a clock that advances on every reading).
    /// </summary>
    [TestClass]
    public class ClientOutcomeTests
    {
        private static ClientOptions VirtualTime(int slots)
        {
            ClientOptions options = new ClientOptions();
            options.Clock = new ManualClock(1000, 100);
            options.LoginTimeoutMilliseconds = 10000000;
            options.ReadSliceMilliseconds = 5;
            options.Connection.TagSlots = slots;
            options.Connection.KeepaliveIdleMilliseconds = 2000;
            options.Connection.KeepaliveTimeoutMilliseconds = 2000;
            return options;
        }

        private static ApiClient Connect(ClientOptions options, RouterScript script, out ScriptedRouter router)
        {
            InMemoryTransport transport;
            router = ScriptedRouter.Start(script, out transport);
            ApiClient client = new ApiClient(options);
            client.Connect(transport, "admin", "secret");
            return client;
        }

        // Answers the login and /cancel, nothing else: a router whose commands hang.
        private static void StalledRouter(ScriptedRouter router, string[] words)
        {
            if (words[0] == "/login" || words[0] == "/cancel")
            {
                RouterBehaviour.Answer(router, words);
            }
        }

        // Answers the login only: a half-open link after the login.
        private static void DeadRouter(ScriptedRouter router, string[] words)
        {
            if (words[0] == "/login")
            {
                RouterBehaviour.Answer(router, words);
            }
        }

        /// <summary>Defect 3: two busy slots (a listen and a follow-only log), the router stalls: the keepalive still declares the link dead.</summary>
        [TestMethod]
        public static void KeepaliveWithEverySlotBusy()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(2), DeadRouter, out router);
            CommandHandle listen = client.Send(client.NewCommand().Path("/interface/listen"));
            CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow-only"));
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)ApiClientTests.PollUntilClosed(client, 2000));
            Assert.IsTrue(router.HasReceived("/system/identity/print", null), "the probe went out with both slots busy");
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)listen.Error);
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)log.Error);
            listen.Dispose();
            log.Dispose();
            router.Stop();
        }

        /// <summary>Defect 3: one slot, a Run times out on a stalled link; the next Run does not say TagTableFull forever.</summary>
        [TestMethod]
        public static void TimedOutRunOnOneSlotDoesNotWedgeTheClient()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(1), DeadRouter, out router);
            RowTable rows = new RowTable(new string[] { "name" }, 4, 64);
            Assert.AreEqual((int)ErrorCode.Timeout, (int)client.Run(client.NewCommand().Path("/interface/print"), rows, 1000));
            ErrorCode next = client.Run(client.NewCommand().Path("/interface/print"), rows, 0);
            Assert.AreEqual((int)ErrorCode.KeepaliveTimeout, (int)next, "the dead link is found while waiting for the slot");
            Assert.IsFalse(client.IsConnected);
            router.Stop();
        }

        private static void Ignore(CommandHandle command, Reply reply)
        {
        }

        /// <summary>Defect 4: a handle's outcome (Timeout) stays true after its slot serves another command.</summary>
        [TestMethod]
        public static void OutcomeSurvivesSlotReuse()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(1), ResourceStalls, out router);
            CommandHandle stalled = client.Send(client.NewCommand().Path("/system/resource/print"), Ignore, 1000);
            for (int i = 0; i < 1000 && stalled.IsActive; i++)
            {
                client.Poll(5);
            }

            Assert.AreEqual((int)ErrorCode.Timeout, (int)stalled.Error);
            RowTable rows = new RowTable(new string[] { "name" }, 4, 64);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/interface/print"), rows, 0), "the slot came back after the router's !done");
            Assert.AreEqual((int)ErrorCode.Timeout, (int)stalled.Error, "still Timeout after the slot was reused");
            client.Close();
            router.Stop();
        }

        private static void ResourceStalls(ScriptedRouter router, string[] words)
        {
            if (words[0] != "/system/resource/print")
            {
                TrapsAndRets(router, words);
            }
        }

        private static void TrapsAndRets(ScriptedRouter router, string[] words)
        {
            string t = ".tag=" + ScriptedRouter.Tag(words);
            if (words[0] == "/ip/address/add")
            {
                router.Reply("!done", "=ret=*1A", t);
            }
            else if (words[0] == "/ip/address/remove")
            {
                router.Reply("!trap", "=message=no such item", t);
                router.Reply("!done", t);
            }
            else if (words[0] == "/interface/print" && words.Length > 2 && words[1] == "=count-only=")
            {
                router.Reply("!done", "=ret=3", t);
            }
            else if (words[0] == "/system/identity/print" && words.Length > 2 && words[1] == "=.proplist=comment")
            {
                char[] big = new char[5000];
                for (int i = 0; i < big.Length; i++) big[i] = 'n';
                router.Reply("!re", "=comment=" + new string(big), t);
                router.Reply("!done", t);
            }
            else if (words[0] == "/system/identity/print" && words.Length > 2 && words[1] == "=.proplist=note")
            {
                char[] mid = new char[300];
                for (int i = 0; i < mid.Length; i++) mid[i] = 'm';
                router.Reply("!re", "=note=" + new string(mid), t);
                router.Reply("!done", t);
            }
            else
            {
                RouterBehaviour.Answer(router, words);
            }
        }

        /// <summary>Defect 4 and 7: outcomes are kept in a bounded history; past it a handle says UnknownTag, never a wrong None.</summary>
        [TestMethod]
        public static void ForgottenOutcomeIsUnknownTag()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(1), TrapsAndRets, out router);
            CommandHandle first = client.Send(client.NewCommand().Path("/ip/address/remove"), Ignore, 0);
            for (int i = 0; i < 1000 && first.IsActive; i++)
            {
                client.Poll(5);
            }

            Assert.AreEqual((int)ErrorCode.Trap, (int)first.Error);
            RowTable rows = new RowTable(new string[] { "name" }, 4, 64);
            for (int i = 0; i < 10; i++)
            {
                Assert.AreEqual((int)ErrorCode.Trap, (int)client.Run(client.NewCommand().Path("/ip/address/remove"), rows, 0));
            }

            Assert.AreEqual((int)ErrorCode.UnknownTag, (int)first.Error);
            client.Close();
            router.Stop();
        }

        /// <summary>Defect 2: a value larger than the receive buffer is "did not fit", not "absent": Run says Truncated, ReadString throws it.</summary>
        [TestMethod]
        public static void TruncationIsVisible()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(2), TrapsAndRets, out router);
            RowTable rows = new RowTable(new string[] { "comment" }, 4, 64);
            Assert.AreEqual((int)ErrorCode.Truncated, (int)client.Run(client.NewCommand().Path("/system/identity/print").Proplist("comment"), rows, 0));
            Assert.AreEqual(1, rows.Count);
            Assert.IsTrue(rows.IsTruncated(0));
            Assert.IsFalse(rows.Has(0, "comment"));
            Throws.Code(ErrorCode.Truncated, () => client.ReadString(client.NewCommand().Path("/system/identity/print").Proplist("comment"), "comment", 0));

            string note = client.ReadString(client.NewCommand().Path("/system/identity/print").Proplist("note"), "note", 0);
            Assert.AreEqual(300, note.Length, "a 300-byte value is read whole (no 256-byte cut)");
            Assert.IsNull(client.ReadString(client.NewCommand().Path("/system/identity/print"), "missing", 0), "absent is null");
            client.Close();
            router.Stop();
        }

        /// <summary>Issue 11: the !done's =ret= reaches Run (GetRet) and ReadString.</summary>
        [TestMethod]
        public static void RetIsReachable()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(2), TrapsAndRets, out router);
            RowTable rows = new RowTable(new string[] { "name" }, 4, 64);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/ip/address/add").Attribute("address", "10.0.0.1/24"), rows, 0));
            Assert.AreEqual("*1A", rows.GetRet());
            Assert.AreEqual("*1A", client.ReadString(client.NewCommand().Path("/ip/address/add").Attribute("address", "10.0.0.2/24"), "ret", 0));
            Assert.AreEqual("3", client.ReadString(client.NewCommand().Path("/interface/print").Flag("count-only"), "ret", 0));
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(client.NewCommand().Path("/interface/print"), rows, 0));
            Assert.IsNull(rows.GetRet(), "no =ret= on this !done");
            client.Close();
            router.Stop();
        }

        /// <summary>Defect 6: a second NewCommand while one is unsent, and a writer reused after Send, fail loudly and specifically.</summary>
        [TestMethod]
        public static void CommandMisuseIsSpecific()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(2), TrapsAndRets, out router);
            CommandWriter first = client.NewCommand().Path("/interface/print");
            try
            {
                client.NewCommand();
                Assert.IsTrue(false, "a second NewCommand must fail");
            }
            catch (MikrotikException e)
            {
                Assert.AreEqual((int)ErrorCode.InvalidState, (int)e.Code);
                Assert.IsTrue(e.Message.IndexOf("unsent") >= 0, e.Message);
            }

            RowTable rows = new RowTable(new string[] { "name" }, 4, 64);
            Assert.AreEqual((int)ErrorCode.None, (int)client.Run(first, rows, 0));
            Assert.AreEqual(3, rows.Count, "the first command was the one sent");
            try
            {
                client.ReadString(first, "name", 0);
                Assert.IsTrue(false, "a sent writer must not be sent again");
            }
            catch (MikrotikException e)
            {
                Assert.AreEqual((int)ErrorCode.InvalidState, (int)e.Code);
                Assert.IsTrue(e.Message.IndexOf("already sent") >= 0, e.Message);
            }

            client.NewCommand();
            client.Close();
            router.Stop();
        }

        /// <summary>Defect 7: Poll returns null when nothing arrived in time, and throws the reason once the connection is lost.</summary>
        [TestMethod]
        public static void PollTellsTimeoutFromLoss()
        {
            ScriptedRouter router;
            ApiClient client = Connect(VirtualTime(2), DeadRouter, out router);
            Assert.IsNull(client.Poll(1));
            Assert.IsTrue(client.IsConnected);
            router.Close();
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)ApiClientTests.PollUntilClosed(client, 1000));
            Throws.Code(ErrorCode.PeerClosed, () => client.Poll(1));
            router.Stop();
        }
    }
}
