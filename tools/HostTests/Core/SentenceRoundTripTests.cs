using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>
/// Random router sentences, encoded by the test's own encoder and fed under random stream splits,
/// come out of a logged-in connection word for word, byte for byte, routed to their command.
/// </summary>
public class SentenceRoundTripTests
{
    private const int Seed = 1337;

    private sealed record Expected(List<byte[]> Words, ReplyType Type);

    private static readonly byte[] TagPrefix = Encoding.ASCII.GetBytes(".tag=");

    // A random word that the decoder must keep as data: never empty and never a .tag word.
    private static byte[] DataWord(Random random, int length)
    {
        byte[] word = Gen.Bytes(random, length);
        if (word.AsSpan().StartsWith(TagPrefix)) word[0] = (byte)'x';
        return word;
    }

    private static int WordLength(Random random, int remaining)
    {
        int length = random.Next(100) switch
        {
            < 45 => random.Next(1, 17),
            < 75 => random.Next(17, 0x7F),
            < 80 => Gen.Pick(random, Gen.BoundaryLengths),
            _ => random.Next(0x82, 0x800),
        };
        return Math.Min(length, remaining);
    }

    private static ReplyType Classify(byte[] word) => Encoding.Latin1.GetString(word) switch
    {
        "!re" => ReplyType.Data,
        "!done" => ReplyType.Done,
        "!trap" => ReplyType.Trap,
        "!empty" => ReplyType.Empty,
        "!fatal" => ReplyType.Fatal,
        _ => ReplyType.Unknown,
    };

    /// <summary>Random sentences (tag anywhere, random bytes incl. 0x00 and 0x80+, lengths across the 1/2/3-byte prefix boundaries), random splits.</summary>
    [Fact]
    public void RandomSentencesDecodeExactlyUnderRandomSplits()
    {
        const int receiveBuffer = 64 * 1024;
        var random = new Random(Seed);
        var connection = TestWire.LoggedIn(new ConnectionOptions { ReceiveBufferSize = receiveBuffer, MaxWordsPerSentence = 64 });
        int tag = connection.Send(connection.NewCommand().Path("/log/print").Flag("follow"));
        TestWire.Drain(connection);
        byte[] tagWord = Encoding.ASCII.GetBytes(".tag=" + tag);
        long sentences = 0;
        long bytes = 0;

        for (int iteration = 0; iteration < 200; iteration++)
        {
            var expected = new Queue<Expected>();
            var stream = new List<byte>();
            int count = random.Next(1, 7);
            for (int s = 0; s < count; s++)
            {
                if (random.Next(10) == 0) stream.Add(0); // an empty sentence: ignored

                var words = new List<byte[]>();
                words.Add(random.Next(5) == 0 ? DataWord(random, WordLength(random, 300)) : Encoding.ASCII.GetBytes("!re"));
                if (Classify(words[0]) is ReplyType.Done or ReplyType.Fatal) words[0] = Encoding.ASCII.GetBytes("!re");
                int wordCount = random.Next(1, 64);
                int budget = receiveBuffer - 64 - words[0].Length;
                while (words.Count < wordCount && budget > 8)
                {
                    byte[] word = DataWord(random, WordLength(random, budget - 8));
                    budget -= word.Length + WireLength.MaxPrefixSize;
                    words.Add(word);
                }

                var wire = new List<byte[]>(words);
                wire.Insert(random.Next(wire.Count + 1), tagWord);
                stream.AddRange(TestWire.Sentence(wire));
                expected.Enqueue(new Expected(words, Classify(words[0])));
            }

            byte[] data = stream.ToArray();
            // Byte-at-a-time feeding is the slowest; it gets the shorter streams (chunks of 1..7 split every prefix too).
            int maxChunk = random.Next(4) switch { 0 => data.Length < 32 * 1024 ? 1 : 3, 1 => 7, 2 => 4096, _ => receiveBuffer };
            int at = 0;
            while (true)
            {
                ConnectionEvent e;
                while ((e = connection.Poll()) != ConnectionEvent.None)
                {
                    Assert.Equal(ConnectionEvent.Reply, e);
                    Assert.True(expected.Count > 0, $"iteration {iteration}: more replies than sentences");
                    AssertReply(expected.Dequeue(), connection.Reply, tag, iteration);
                    sentences++;
                }

                if (at == data.Length) break;
                int room = connection.PrepareReceive(out int offset);
                Assert.True(room > 0, $"iteration {iteration}: receive buffer full with nothing to poll");
                int n = Math.Min(Math.Min(random.Next(1, maxChunk + 1), room), data.Length - at);
                Array.Copy(data, at, connection.ReceiveBuffer, offset, n);
                connection.CommitReceived(n);
                at += n;
                bytes += n;
            }

            Assert.Empty(expected);
        }

        Assert.Equal(ConnectionState.Ready, connection.State);
        Assert.True(connection.IsActive(tag));
        Console.WriteLine($"round trip: {sentences} sentences, {bytes} bytes");
    }

    private static void AssertReply(Expected expected, Reply reply, int tag, int iteration)
    {
        Assert.Equal(tag, reply.Tag);
        Assert.False(reply.IsTruncated, $"iteration {iteration}: truncated");
        Assert.Equal(expected.Type, reply.Type);
        Assert.Equal(expected.Words.Count, reply.WordCount);
        for (int w = 0; w < expected.Words.Count; w++)
        {
            byte[] word = expected.Words[w];
            Assert.Equal(word.Length, reply.GetWordLength(w));
            Assert.True(TestWire.SameBytes(reply.Buffer, reply.GetWordOffset(w), word, 0, word.Length), $"iteration {iteration}: word {w} differs");
        }
    }

    /// <summary>
    /// Words longer than 0x1FFFFF (4-byte prefix) and of exactly 0x1FFFFF (the largest 3-byte
    /// prefix) decode exactly with a receive buffer big enough, whatever the splits.
    /// </summary>
    [Fact]
    public void WordsBeyondThreeBytePrefixDecodeWithABigBuffer()
    {
        const int receiveBuffer = 0x200000 + 0x1000;
        var random = new Random(Seed + 1);
        var connection = TestWire.LoggedIn(new ConnectionOptions { ReceiveBufferSize = receiveBuffer });
        int tag = connection.Send(connection.NewCommand().Path("/file/print").Attribute("file", "big"));
        TestWire.Drain(connection);

        var sentences = new List<List<byte[]>>
        {
            new() { Encoding.ASCII.GetBytes("!re"), DataWord(random, 0x200000 + random.Next(0x100)), Encoding.ASCII.GetBytes("=x=1") },
            new() { Encoding.ASCII.GetBytes("!re"), DataWord(random, 0x1FFFFF) },
            new() { Encoding.ASCII.GetBytes("!re"), DataWord(random, 0x200000) },
        };
        var stream = new List<byte>();
        foreach (var words in sentences)
        {
            var wire = new List<byte[]>(words) { Encoding.ASCII.GetBytes(".tag=" + tag) };
            stream.AddRange(TestWire.Sentence(wire));
        }

        stream.AddRange(TestWire.Sentence("!done", ".tag=" + tag));
        byte[] data = stream.ToArray();
        int at = 0;
        int seen = 0;
        bool done = false;
        while (!done)
        {
            ConnectionEvent e;
            while ((e = connection.Poll()) != ConnectionEvent.None)
            {
                Assert.Equal(ConnectionEvent.Reply, e);
                if (connection.Reply.Type == ReplyType.Done)
                {
                    done = true;
                    break;
                }

                AssertReply(new Expected(sentences[seen], ReplyType.Data), connection.Reply, tag, seen);
                seen++;
            }

            if (done) break;
            Assert.True(at < data.Length, "ran out of input");
            int room = connection.PrepareReceive(out int offset);
            Assert.True(room > 0, "receive buffer full with nothing to poll");
            int n = random.Next(10) < 3 ? random.Next(1, 9) : random.Next(1, 65537);
            n = Math.Min(Math.Min(n, room), data.Length - at);
            Array.Copy(data, at, connection.ReceiveBuffer, offset, n);
            connection.CommitReceived(n);
            at += n;
        }

        Assert.Equal(sentences.Count, seen);
        Assert.Equal(data.Length, at);
        Assert.Equal(0, connection.ActiveCommandCount);
    }

    /// <summary>
    /// A word larger than the receive buffer (here 0x200000 bytes into 4096) and words past the word
    /// table are dropped and counted; the tag after them still routes and the next sentence is intact.
    /// </summary>
    [Fact]
    public void OversizeWordsAndExtraWordsAreDroppedAndTheStreamStaysInSync()
    {
        var random = new Random(Seed + 2);
        var connection = TestWire.LoggedIn(new ConnectionOptions { MaxWordsPerSentence = 4 });
        int tag = connection.Send(connection.NewCommand().Path("/log/print"));
        string tagWord = ".tag=" + tag;
        byte[] data =
        [
            .. TestWire.Sentence([Encoding.ASCII.GetBytes("!re"), Encoding.ASCII.GetBytes("=a=1"), DataWord(random, 0x200000), Encoding.ASCII.GetBytes("=b=2"), Encoding.ASCII.GetBytes(tagWord)]),
            .. TestWire.Sentence("!re", "=a=1", "=b=2", "=c=3", "=d=4", "=e=5", tagWord),
            .. TestWire.Sentence("!done", "=ret=ok", tagWord),
        ];

        int at = 0;
        var replies = new List<(ReplyType Type, int Tag, int Words, int Dropped, long B)>();
        while (replies.Count < 3)
        {
            ConnectionEvent e;
            while ((e = connection.Poll()) != ConnectionEvent.None)
            {
                Assert.Equal(ConnectionEvent.Reply, e);
                var r = connection.Reply;
                r.TryGetInt64("b", out long b);
                replies.Add((r.Type, r.Tag, r.WordCount, r.DroppedWordCount, b));
            }

            if (replies.Count == 3) break;
            Assert.True(at < data.Length, "ran out of input");
            int room = connection.PrepareReceive(out int offset);
            int n = Math.Min(Math.Min(random.Next(1, 3000), room), data.Length - at);
            Array.Copy(data, at, connection.ReceiveBuffer, offset, n);
            connection.CommitReceived(n);
            at += n;
        }

        Assert.Equal((ReplyType.Data, tag, 3, 1, 2L), replies[0]);
        Assert.Equal((ReplyType.Data, tag, 4, 2, 2L), replies[1]);
        Assert.Equal((ReplyType.Done, tag, 2, 0, 0L), replies[2]);
        Assert.Equal(data.Length, at);
        Assert.Equal(0, connection.ActiveCommandCount);
    }
}
