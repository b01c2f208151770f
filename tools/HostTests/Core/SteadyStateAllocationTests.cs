using System.Security.Cryptography;
using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>
/// The design's memory rule, measured on the real (nano-compiled) Core: once warmed up, a logged-in
/// connection encodes commands and decodes, routes and reads replies without allocating a byte.
/// Everything the measured loops need (streams, split points, expected results, strings) is built
/// before measuring; the loops only index arrays, and results are tallied in counters that are
/// asserted after the measurement, so the test itself allocates nothing while measured.
/// </summary>
public class SteadyStateAllocationTests
{
    private const int Seed = 20261127;
    private const int WarmUpRounds = 200;
    private const int MinMeasuredCommands = 10_000;
    private const int MinMeasuredReplies = 10_000;

    // --- The scripted traffic, built before measuring -------------------------------------

    private sealed class Script
    {
        public int Rounds;
        public int[] RoundCommandStart = [];   // per round: first command index (Rounds + 1 entries)
        public int[] CommandShape = [];
        public long[] CommandNumber = [];
        public int[] CommandBlob = [];
        public int[] CommandTag = [];
        public int[] CommandDrain = [];        // bytes the "transport" takes right after each Send
        public byte[] Transmit = [];           // every command's expected bytes, in order

        public byte[] Receive = [];            // the router's replies, round after round
        public int[] RoundReceiveStart = [];
        public int[] Chunks = [];              // split points: sizes of successive reads

        public ConnectionEvent[] EventKind = [];
        public ReplyType[] EventType = [];
        public int[] EventTag = [];
        public long[] EventRow = [];           // !re of a command: its row number; -1 otherwise
        public int[] EventValue = [];          // !re of a command: which long value it carries
        public int[] RoundEventStart = [];

        public byte[][] Blobs = [];            // raw byte values commands send
        public byte[][] LongValues = [];       // long reply values (2-byte length prefixes)
        public string[] Names = [];            // =name= values of rows, by row % Names.Length
    }

    private sealed class Tally
    {
        public long Commands;
        public long Replies;
        public long Mismatches;
        public long ReceivedBytes;
        public int TransmitPosition;
        public int ChunkIndex;
    }

    private static readonly string[] Paths = ["/interface/print", "/ip/address/add", "/ping", "/log/print"];

    // The words each command shape is expected to put on the wire (before its tag).
    private static List<byte[]> ExpectedWords(int shape, long number, byte[] blob)
    {
        var words = new List<string>();
        switch (shape)
        {
            case 0:
                words.AddRange(["/interface/print", "=.proplist=name,type,running,comment", "?type=ether", "?type=vlan", "?#|", "?running", "?-disabled"]);
                break;
            case 1:
                words.AddRange(["/ip/address/add", "=address=192.168.88.1/24", "=interface=bridge"]);
                break;
            case 2:
                words.AddRange(["/ping", "=address=10.0.0.1", "=count=" + number, "=interval=" + (-number * 7)]);
                break;
            default:
                words.AddRange(["/log/print", "=follow-only=", "?>time=00:00", "?<time=23:59", "?=topics=system", "?#!&"]);
                break;
        }

        var bytes = words.Select(Encoding.UTF8.GetBytes).ToList();
        if (shape == 1)
        {
            bytes.Add([.. Encoding.ASCII.GetBytes("=data="), .. blob]);
            bytes.Add(Encoding.ASCII.GetBytes("=disabled="));
        }

        return bytes;
    }

    // The same commands through the public builder; must not allocate.
    private static CommandWriter Build(ApiConnection connection, Script script, int command)
    {
        switch (script.CommandShape[command])
        {
            case 0:
                return connection.NewCommand().Path("/interface/print").Proplist("name,type,running,comment")
                    .QueryEquals("type", "ether").QueryEquals("type", "vlan").QueryOperations("|").QueryHas("running").QueryLacks("disabled");
            case 1:
                byte[] blob = script.Blobs[script.CommandBlob[command]];
                return connection.NewCommand().Path("/ip/address/add").Attribute("address", "192.168.88.1/24")
                    .Attribute("interface", "bridge").Attribute("data", blob, 0, blob.Length).Flag("disabled");
            case 2:
                long n = script.CommandNumber[command];
                return connection.NewCommand().Path("/ping").Attribute("address", "10.0.0.1").Attribute("count", n).Attribute("interval", -n * 7);
            default:
                return connection.NewCommand().Path("/log/print").Flag("follow-only").QueryGreater("time", "00:00")
                    .QueryLess("time", "23:59").QueryEqualsAttribute("topics", "system").QueryOperations("!&");
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Script BuildScript(int firstTag)
    {
        var random = new Random(Seed);
        var s = new Script
        {
            Blobs = Enumerable.Range(0, 8).Select(i => RandomBytes(random, 20 + i * 12)).ToArray(),
            LongValues = Enumerable.Range(0, 8).Select(i => RandomBytes(random, 130 + i * 80)).ToArray(),
            Names = Enumerable.Range(0, 16).Select(i => "ether" + i).ToArray(),
        };

        var roundCommandStart = new List<int>();
        var shapes = new List<int>();
        var numbers = new List<long>();
        var blobs = new List<int>();
        var tags = new List<int>();
        var drains = new List<int>();
        var transmit = new List<byte>();
        var receive = new List<byte>();
        var roundReceiveStart = new List<int>();
        var kinds = new List<ConnectionEvent>();
        var types = new List<ReplyType>();
        var eventTags = new List<int>();
        var rows = new List<long>();
        var values = new List<int>();
        var roundEventStart = new List<int>();

        int nextTag = firstTag;
        int measuredCommands = 0;
        int measuredReplies = 0;
        int round = 0;
        while (round < WarmUpRounds || measuredCommands < MinMeasuredCommands || measuredReplies < MinMeasuredReplies)
        {
            roundCommandStart.Add(shapes.Count);
            roundReceiveStart.Add(receive.Count);
            roundEventStart.Add(kinds.Count);
            int commands = random.Next(1, 5);
            int pending = 0;
            var queues = new List<Queue<(byte[] Sentence, ConnectionEvent Kind, ReplyType Type, int Tag, long Row, int Value)>>();
            for (int k = 0; k < commands; k++)
            {
                int index = shapes.Count;
                int shape = random.Next(4);
                long number = random.NextInt64(-1_000_000_000_000L, 1_000_000_000_000L);
                int blob = random.Next(s.Blobs.Length);
                int tag = nextTag++;
                shapes.Add(shape);
                numbers.Add(number);
                blobs.Add(blob);
                tags.Add(tag);
                var words = ExpectedWords(shape, number, s.Blobs[blob]);
                words.Add(Encoding.ASCII.GetBytes(".tag=" + tag));
                byte[] sentence = TestWire.Sentence(words);
                transmit.AddRange(sentence);
                pending += sentence.Length;
                int drain = random.Next(pending + 1);
                drains.Add(drain);
                pending -= drain;

                // This command's replies: rows, maybe a trap / !empty / unknown reply word, then !done.
                var queue = new Queue<(byte[], ConnectionEvent, ReplyType, int, long, int)>();
                string tagWord = ".tag=" + tag;
                int rowCount = random.Next(4);
                for (int j = 0; j < rowCount; j++)
                {
                    long row = index * 4L + j;
                    int value = random.Next(s.LongValues.Length);
                    var rowWords = new List<byte[]>
                    {
                        Encoding.ASCII.GetBytes("!re"),
                        Encoding.ASCII.GetBytes("=.id=*" + row.ToString("X")),
                        Encoding.ASCII.GetBytes("=name=" + s.Names[row % s.Names.Length]),
                        Encoding.ASCII.GetBytes("=row=" + row),
                        Encoding.ASCII.GetBytes("=comment=").Concat(s.LongValues[value]).ToArray(),
                        Encoding.ASCII.GetBytes("=running=true"),
                    };
                    // Tags usually come last, but not always.
                    rowWords.Insert(random.Next(3) == 0 ? random.Next(1, rowWords.Count) : rowWords.Count, Encoding.ASCII.GetBytes(tagWord));
                    queue.Enqueue((TestWire.Sentence(rowWords), ConnectionEvent.Reply, ReplyType.Data, tag, row, value));
                }

                switch (random.Next(5))
                {
                    case 0:
                        queue.Enqueue((TestWire.Sentence("!trap", "=category=2", "=message=interrupted", tagWord), ConnectionEvent.Reply, ReplyType.Trap, tag, -1, 0));
                        break;
                    case 1:
                        queue.Enqueue((TestWire.Sentence("!empty", tagWord), ConnectionEvent.Reply, ReplyType.Empty, tag, -1, 0));
                        break;
                    case 2:
                        queue.Enqueue((TestWire.Sentence("!weird", "=x=1", tagWord), ConnectionEvent.Reply, ReplyType.Unknown, tag, -1, 0));
                        break;
                }

                queue.Enqueue((TestWire.Sentence("!done", "=ret=*" + tag.ToString("X"), tagWord), ConnectionEvent.Reply, ReplyType.Done, tag, -1, 0));
                queues.Add(queue);
            }

            drains[^1] += pending; // the round's last Send is followed by a full drain

            // Unrouted replies: a tag never issued, and no tag at all.
            var unrouted = new Queue<(byte[], ConnectionEvent, ReplyType, int, long, int)>();
            int strays = random.Next(3) == 0 ? random.Next(1, 3) : 0;
            for (int j = 0; j < strays; j++)
            {
                unrouted.Enqueue(random.Next(2) == 0
                    ? (TestWire.Sentence("!re", "=x=1", ".tag=999999999"), ConnectionEvent.UnroutedReply, ReplyType.Data, 999999999, -1, 0)
                    : (TestWire.Sentence("!re", "=x=1"), ConnectionEvent.UnroutedReply, ReplyType.Data, -1, -1, 0));
            }

            queues.Add(unrouted);

            // Interleave the commands' replies, each command's in order.
            while (queues.Any(q => q.Count > 0))
            {
                var candidates = queues.Where(q => q.Count > 0).ToList();
                var next = candidates[random.Next(candidates.Count)].Dequeue();
                receive.AddRange(next.Sentence);
                kinds.Add(next.Kind);
                types.Add(next.Type);
                eventTags.Add(next.Tag);
                rows.Add(next.Row);
                values.Add(next.Value);
                if (round >= WarmUpRounds) measuredReplies++;
            }

            if (round >= WarmUpRounds) measuredCommands += commands;
            round++;
        }

        roundCommandStart.Add(shapes.Count);
        roundReceiveStart.Add(receive.Count);
        roundEventStart.Add(kinds.Count);

        var chunks = new int[50_000];
        for (int i = 0; i < chunks.Length; i++)
        {
            int bucket = random.Next(100);
            chunks[i] = bucket < 70 ? random.Next(1, 17) : bucket < 95 ? random.Next(17, 257) : random.Next(257, 2049);
        }

        s.Rounds = round;
        s.RoundCommandStart = roundCommandStart.ToArray();
        s.CommandShape = shapes.ToArray();
        s.CommandNumber = numbers.ToArray();
        s.CommandBlob = blobs.ToArray();
        s.CommandTag = tags.ToArray();
        s.CommandDrain = drains.ToArray();
        s.Transmit = transmit.ToArray();
        s.Receive = receive.ToArray();
        s.RoundReceiveStart = roundReceiveStart.ToArray();
        s.Chunks = chunks;
        s.EventKind = kinds.ToArray();
        s.EventType = types.ToArray();
        s.EventTag = eventTags.ToArray();
        s.EventRow = rows.ToArray();
        s.EventValue = values.ToArray();
        s.RoundEventStart = roundEventStart.ToArray();
        return s;
    }

    // --- The loop that is measured ------------------------------------------------------------

    private static void Run(ApiConnection connection, Script s, int fromRound, int toRound, Tally t, byte[] copy)
    {
        for (int r = fromRound; r < toRound; r++)
        {
            for (int k = s.RoundCommandStart[r]; k < s.RoundCommandStart[r + 1]; k++)
            {
                int tag = connection.Send(Build(connection, s, k));
                t.Commands++;
                if (tag != s.CommandTag[k]) t.Mismatches++;
                Transmit(connection, s, t, s.CommandDrain[k]);
            }

            if (connection.TransmitCount != 0) t.Mismatches++;

            int at = s.RoundReceiveStart[r];
            int end = s.RoundReceiveStart[r + 1];
            int e = s.RoundEventStart[r];
            int eventEnd = s.RoundEventStart[r + 1];
            while (true)
            {
                ConnectionEvent kind;
                while ((kind = connection.Poll()) != ConnectionEvent.None)
                {
                    if (e >= eventEnd)
                    {
                        t.Mismatches++;
                        continue;
                    }

                    if (!Check(connection.Reply, kind, s, e, copy)) t.Mismatches++;
                    t.Replies++;
                    e++;
                }

                if (at >= end) break;
                int room = connection.PrepareReceive(out int offset);
                if (room == 0)
                {
                    t.Mismatches++; // backpressure with nothing left to poll would hang an adapter
                    break;
                }

                int n = s.Chunks[t.ChunkIndex];
                t.ChunkIndex = t.ChunkIndex + 1 == s.Chunks.Length ? 0 : t.ChunkIndex + 1;
                if (n > room) n = room;
                if (n > end - at) n = end - at;
                Array.Copy(s.Receive, at, connection.ReceiveBuffer, offset, n);
                connection.CommitReceived(n);
                at += n;
                t.ReceivedBytes += n;
            }

            if (e != eventEnd) t.Mismatches++;
            if (connection.ActiveCommandCount != 0) t.Mismatches++;
        }
    }

    private static void Transmit(ApiConnection connection, Script s, Tally t, int count)
    {
        if (count > connection.TransmitCount)
        {
            t.Mismatches++;
            count = connection.TransmitCount;
        }

        if (!TestWire.SameBytes(connection.TransmitBuffer, connection.TransmitOffset, s.Transmit, t.TransmitPosition, count)) t.Mismatches++;
        connection.CommitTransmitted(count);
        t.TransmitPosition += count;
    }

    private static bool Check(Reply reply, ConnectionEvent kind, Script s, int e, byte[] copy)
    {
        if (kind != s.EventKind[e] || reply.Type != s.EventType[e] || reply.Tag != s.EventTag[e] || reply.IsTruncated) return false;
        switch (reply.Type)
        {
            case ReplyType.Data:
                long row = s.EventRow[e];
                long value;
                if (row < 0)
                {
                    return reply.TryGetInt64("x", out value) && value == 1 && reply.WordCount == 2;
                }

                if (!reply.TryGetInt64("row", out value) || value != row) return false;
                if (!reply.AttributeEquals("name", s.Names[row % s.Names.Length])) return false;
                if (!reply.AttributeEquals("running", "true") || reply.FindAttribute(".id") < 0) return false;
                if (reply.FindAttribute("missing") >= 0 || reply.AttributeEquals("name", "ether-none")) return false;
                byte[] expected = s.LongValues[s.EventValue[e]];
                int length = reply.CopyValue("comment", copy, 0, copy.Length);
                return length == expected.Length && TestWire.SameBytes(copy, 0, expected, 0, length);
            case ReplyType.Trap:
                return reply.Category == 2 && reply.AttributeEquals("message", "interrupted");
            case ReplyType.Empty:
                return reply.WordCount == 1;
            case ReplyType.Unknown:
                return reply.WordEquals(0, "!weird") && reply.TryGetInt64("x", out value) && value == 1;
            case ReplyType.Done:
                return reply.HasAttribute("ret") && reply.GetValueLength(reply.FindAttribute("ret")) > 1;
            default:
                return false;
        }
    }

    /// <summary>
    /// One logged-in connection, warmed up, then at least 10,000 commands encoded and drained and
    /// at least 10,000 mixed replies (rows with a long value, traps, !empty, an unknown reply word,
    /// unrouted tags, !done recycling tags) decoded under random splits and read through the view:
    /// not one byte allocated while measured, and every result as expected.
    /// </summary>
    [Fact]
    public void SteadyStateTrafficAllocatesNothing()
    {
        var connection = TestWire.LoggedIn(new ConnectionOptions());
        var script = BuildScript(firstTag: 2); // the login took tag 1; tags are issued in order
        var copy = new byte[1024];
        var warm = new Tally();
        var measured = new Tally();

        Run(connection, script, 0, WarmUpRounds, warm, copy);
        Assert.Equal(0, warm.Mismatches);
        measured.TransmitPosition = warm.TransmitPosition;
        measured.ChunkIndex = warm.ChunkIndex;

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(connection, script, WarmUpRounds, script.Rounds, measured, copy);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, measured.Mismatches);
        Assert.Equal(script.Transmit.Length, measured.TransmitPosition);
        Assert.True(measured.Commands >= MinMeasuredCommands, $"commands measured: {measured.Commands}");
        Assert.True(measured.Replies >= MinMeasuredReplies, $"replies measured: {measured.Replies}");
        Assert.Equal(ConnectionState.Ready, connection.State);
        Console.WriteLine($"steady state: {measured.Commands} commands, {measured.Replies} replies, {measured.ReceivedBytes} bytes received, {allocated} bytes allocated");
        Assert.Equal(0L, allocated);
    }

    // --- Reconnect ----------------------------------------------------------------------------

    private sealed class Reconnects
    {
        public byte[][] ExpectedLogin = [];
        public byte[][] Answer = [];          // the router's reply to /login
        public byte[][] ExpectedResponse = []; // legacy only: the client's /login =response=
        public byte[][] Done = [];            // legacy only: the router's !done to the response
    }

    private static Reconnects BuildReconnects(int count, int firstTag)
    {
        var random = new Random(Seed + 1);
        var r = new Reconnects
        {
            ExpectedLogin = new byte[count][],
            Answer = new byte[count][],
            ExpectedResponse = new byte[count][],
            Done = new byte[count][],
        };
        int tag = firstTag;
        for (int i = 0; i < count; i++)
        {
            int loginTag = tag++;
            r.ExpectedLogin[i] = TestWire.Sentence("/login", "=name=admin", "=password=secret", ".tag=" + loginTag);
            if (i % 2 == 0)
            {
                r.Answer[i] = TestWire.Sentence("!done", ".tag=" + loginTag);
                continue;
            }

            // RouterOS before 6.43: a challenge, then the MD5 response under a fresh tag.
            byte[] challenge = RandomBytes(random, 16);
            r.Answer[i] = TestWire.Sentence("!done", "=ret=" + Convert.ToHexStringLower(challenge), ".tag=" + loginTag);
            byte[] digest = MD5.HashData([0, .. Encoding.UTF8.GetBytes("secret"), .. challenge]);
            int responseTag = tag++;
            r.ExpectedResponse[i] = TestWire.Sentence("/login", "=name=admin", "=response=00" + Convert.ToHexStringLower(digest), ".tag=" + responseTag);
            r.Done[i] = TestWire.Sentence("!done", ".tag=" + responseTag);
        }

        return r;
    }

    private static void Reconnect(ApiConnection connection, Reconnects r, int from, int to, Tally t)
    {
        for (int i = from; i < to; i++)
        {
            connection.Reset();
            connection.Login("admin", "secret");
            if (!Expect(connection, r.ExpectedLogin[i])) t.Mismatches++;
            if (!Deliver(connection, r.Answer[i])) t.Mismatches++;
            ConnectionEvent e = connection.Poll();
            if (r.ExpectedResponse[i] != null)
            {
                if (e != ConnectionEvent.None || !Expect(connection, r.ExpectedResponse[i]) || !Deliver(connection, r.Done[i])) t.Mismatches++;
                e = connection.Poll();
            }

            if (e != ConnectionEvent.LoginSucceeded || connection.State != ConnectionState.Ready) t.Mismatches++;
            t.Commands++;
        }
    }

    private static bool Expect(ApiConnection connection, byte[] expected)
    {
        bool same = connection.TransmitCount == expected.Length
            && TestWire.SameBytes(connection.TransmitBuffer, connection.TransmitOffset, expected, 0, expected.Length);
        connection.CommitTransmitted(connection.TransmitCount);
        return same;
    }

    private static bool Deliver(ApiConnection connection, byte[] sentence)
    {
        int room = connection.PrepareReceive(out int offset);
        if (room < sentence.Length) return false;
        Array.Copy(sentence, 0, connection.ReceiveBuffer, offset, sentence.Length);
        connection.CommitReceived(sentence.Length);
        return true;
    }

    /// <summary>
    /// Reset and a new login (plain, and legacy MD5 challenge-response) reuse every buffer: after a
    /// warm-up, 1,000 reconnects allocate nothing.
    /// </summary>
    [Fact]
    public void ResetAndLoginAllocateNothing()
    {
        const int warmUp = 50;
        const int measuredCount = 1000;
        var connection = TestWire.LoggedIn(new ConnectionOptions());
        var script = BuildReconnects(warmUp + measuredCount, firstTag: 2);
        var warm = new Tally();
        var measured = new Tally();

        Reconnect(connection, script, 0, warmUp, warm);
        Assert.Equal(0, warm.Mismatches);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Reconnect(connection, script, warmUp, warmUp + measuredCount, measured);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, measured.Mismatches);
        Assert.Equal(measuredCount, measured.Commands);
        Console.WriteLine($"reconnect: {measured.Commands} reconnects, {allocated} bytes allocated");
        Assert.Equal(0L, allocated);
    }
}
