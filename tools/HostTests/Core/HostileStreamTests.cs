using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;
using Xunit.Sdk;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>
/// The fuzz smoke test: random bytes, and random mutations of valid reply streams, fed under random
/// splits to logged-in connections of various sizes. Whatever arrives, PrepareReceive,
/// CommitReceived and Poll never throw, every Poll returns, the adapter is never stuck (buffer full
/// with nothing to poll), received bytes always land inside the one fixed buffer, and the run ends
/// with all input consumed or the connection Closed for a protocol reason.
/// </summary>
public class HostileStreamTests
{
    private const int Seed = 90210;
    private const int Iterations = 3000;

    private static readonly ErrorCode[] ProtocolErrors = [ErrorCode.ReservedControlByte, ErrorCode.UnsupportedLengthPrefix, ErrorCode.Fatal];

    private sealed class Outcome
    {
        public int Closed;
        public int Consumed;
        public long Events;
        public long Bytes;
        public readonly Dictionary<ErrorCode, int> Errors = new();
    }

    /// <summary>Uniformly random bytes, and random bytes shaped as words (plausible prefixes, short contents).</summary>
    [Fact]
    public void RandomBytesNeverThrowHangOrEscapeTheBuffer()
    {
        var outcome = new Outcome();
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            var random = new Random(Seed + iteration);
            byte[] input = random.Next(2) == 0 ? Gen.Bytes(random, random.Next(0, 3000)) : WordShapedNoise(random);
            RunOne(random, input, iteration, outcome);
        }

        Report("random bytes", outcome);
    }

    /// <summary>Valid reply streams (rows, traps, !empty, !done, unknown words, live/foreign/internal tags, rarely !fatal), then mutated.</summary>
    [Fact]
    public void MutatedReplyStreamsNeverThrowHangOrEscapeTheBuffer()
    {
        var outcome = new Outcome();
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            var random = new Random(Seed * 7 + iteration);
            byte[] input = Mutate(random, ValidStream(random, maxTag: 12));
            RunOne(random, input, iteration, outcome);
        }

        Report("mutated streams", outcome);
    }

    private static void Report(string name, Outcome outcome)
    {
        Console.WriteLine($"{name}: {Iterations} runs, {outcome.Bytes} bytes, {outcome.Events} events, {outcome.Consumed} consumed all, {outcome.Closed} closed ("
            + string.Join(", ", outcome.Errors.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")) + ")");
        Assert.Equal(Iterations, outcome.Closed + outcome.Consumed);
    }

    private static void RunOne(Random random, byte[] input, int iteration, Outcome outcome)
    {
        try
        {
            Feed(random, input, outcome);
        }
        catch (Exception ex) when (ex is not XunitException)
        {
            throw new XunitException($"iteration {iteration}: {ex.GetType().Name} escaped; input ({input.Length} bytes) starts {Convert.ToHexString(input.AsSpan(0, Math.Min(64, input.Length)))}\n{ex}");
        }
        catch (XunitException ex)
        {
            throw new XunitException($"iteration {iteration}: {ex.Message}; input ({input.Length} bytes) starts {Convert.ToHexString(input.AsSpan(0, Math.Min(64, input.Length)))}");
        }
    }

    private static void Feed(Random random, byte[] input, Outcome outcome)
    {
        var options = new ConnectionOptions
        {
            ReceiveBufferSize = Gen.Pick(random, [64, 65, 100, 256, 4096]),
            TransmitBufferSize = Gen.Pick(random, [64, 256, 1024]),
            MaxWordsPerSentence = Gen.Pick(random, [2, 3, 8, 64]),
            TagSlots = Gen.Pick(random, [1, 2, 8]),
        };
        var connection = TestWire.LoggedIn(options);
        byte[] buffer = connection.ReceiveBuffer;
        var tags = new List<int>();
        int initial = random.Next(0, options.TagSlots + 1);
        for (int i = 0; i < initial; i++)
        {
            tags.Add(connection.Send(connection.NewCommand().Path("/interface/listen")));
            connection.CommitTransmitted(connection.TransmitCount);
        }

        int maxChunk = Gen.Pick(random, [1, 3, 16, 200, 5000]);
        int at = 0;
        long events = 0;
        var scratch = new byte[16];
        while (true)
        {
            ConnectionEvent e;
            while ((e = connection.Poll()) != ConnectionEvent.None)
            {
                events++;
                Assert.True(events <= input.Length + 1, "more events than bytes: Poll is not making progress");
                ExerciseView(connection.Reply, scratch);
                if (e == ConnectionEvent.Closed) break;
                Assert.True(e is ConnectionEvent.Reply or ConnectionEvent.UnroutedReply, $"unexpected event {e}");
                Assert.True(e != ConnectionEvent.Reply || tags.Contains(connection.Reply.Tag), $"reply routed to tag {connection.Reply.Tag}, never issued");
                React(random, connection, tags);
            }

            if (connection.State == ConnectionState.Closed || at == input.Length) break;

            int room = connection.PrepareReceive(out int offset);
            Assert.Same(buffer, connection.ReceiveBuffer);
            Assert.True(offset >= 0 && room >= 0 && offset + room <= buffer.Length, $"PrepareReceive gave {offset}+{room} in a {buffer.Length}-byte buffer");
            Assert.True(room > 0, "stuck: the receive buffer is full and nothing can be polled");
            int n = Math.Min(Math.Min(random.Next(1, maxChunk + 1), room), input.Length - at);
            Array.Copy(input, at, buffer, offset, n);
            connection.CommitReceived(n);
            at += n;
            outcome.Bytes += n;
        }

        outcome.Events += events;
        if (connection.State == ConnectionState.Closed)
        {
            Assert.Contains(connection.Error, ProtocolErrors);
            outcome.Closed++;
            outcome.Errors[connection.Error] = outcome.Errors.GetValueOrDefault(connection.Error) + 1;

            // A dead connection stays inert.
            Assert.Equal(0, connection.PrepareReceive(out _));
            connection.CommitReceived(0);
            Assert.Equal(ConnectionEvent.None, connection.Poll());
        }
        else
        {
            Assert.Equal(input.Length, at);
            Assert.Equal(ConnectionState.Ready, connection.State);
            outcome.Consumed++;
        }
    }

    // Reads the reply the way callers do, checking that everything it points at is inside its buffer.
    private static void ExerciseView(Reply reply, byte[] scratch)
    {
        Assert.True(reply.WordCount >= 0 && reply.DroppedWordCount >= 0);
        int length = reply.Buffer.Length;
        for (int w = 0; w < reply.WordCount; w++)
        {
            int offset = reply.GetWordOffset(w);
            int count = reply.GetWordLength(w);
            Assert.True(offset >= 0 && count > 0 && offset + count <= length, $"word {w} at {offset}+{count} outside the buffer");
            int value = reply.GetValueOffset(w);
            Assert.True(value >= offset && value + reply.GetValueLength(w) == offset + count, $"value of word {w} outside the word");
            reply.WordEquals(w, "!re");
            Assert.NotNull(reply.GetWordString(w));
        }

        foreach (string name in (string[])["message", "category", ".id", "ret", "x"])
        {
            int w = reply.FindAttribute(name);
            Assert.True(w >= -1 && w < reply.WordCount);
            reply.TryGetInt64(name, out _);
            reply.TryGetInt32(name, out _);
            reply.AttributeEquals(name, "interrupted");
            int full = reply.CopyValue(name, scratch, 0, scratch.Length);
            Assert.Equal(w < 0, full < 0);
            Assert.Equal(w < 0, reply.GetString(name) == null);
        }

        _ = reply.Category;
        _ = reply.Type;
        _ = reply.Tag;
    }

    // A client's reactions: cancel, release, cancel all, drain the transmit buffer, send more.
    private static void React(Random random, ApiConnection connection, List<int> tags)
    {
        int tag = connection.Reply.Tag;
        switch (random.Next(20))
        {
            case 0: connection.Cancel(tag); break;
            case 1: connection.Release(tag); break;
            case 2: connection.CancelAll(); break;
            case 3:
            case 4:
                connection.CommitTransmitted(random.Next(connection.TransmitCount + 1));
                break;
            case 5:
                connection.CommitTransmitted(connection.TransmitCount);
                if (connection.State == ConnectionState.Ready && connection.ActiveCommandCount < connection.TagSlotCount)
                {
                    tags.Add(connection.Send(connection.NewCommand().Path("/log/print").Flag("follow")));
                }

                break;
        }
    }

    // Random words: plausible prefixes (all sizes, sometimes a control byte) with random contents.
    private static byte[] WordShapedNoise(Random random)
    {
        var output = new List<byte>();
        int words = random.Next(1, 60);
        for (int i = 0; i < words; i++)
        {
            switch (random.Next(20))
            {
                case 0: output.Add((byte)random.Next(0xF1, 0x100)); break;
                case 1: output.Add(0); break;
                case 2: output.AddRange(TestWire.Prefix(Gen.PrefixedLength(random))); output.AddRange(Gen.Bytes(random, random.Next(0, 64))); break;
                default:
                    TestWire.AppendWord(output, Gen.Bytes(random, random.Next(1, random.Next(2) == 0 ? 20 : 300)));
                    break;
            }
        }

        return output.ToArray();
    }

    private static byte[] ValidStream(Random random, int maxTag)
    {
        var output = new List<byte>();
        int sentences = random.Next(1, 16);
        for (int s = 0; s < sentences; s++)
        {
            if (random.Next(15) == 0)
            {
                output.Add(0);
                continue;
            }

            var words = new List<string>();
            words.Add(random.Next(40) == 0 ? "!fatal" : Gen.Pick(random, ["!re", "!re", "!re", "!trap", "!done", "!done", "!empty", "!weird", "re"]));
            int attributes = random.Next(0, 7);
            for (int a = 0; a < attributes; a++)
            {
                words.Add(Gen.Pick(random, [
                    "=message=interrupted", "=category=" + random.Next(-1, 9), "=.id=*" + random.Next(100), "=ret=" + random.Next(),
                    "=ret=93b438ec9b80057c06dd9fe67d56aa9a", "=x", "=", "==", "=x=" + random.NextInt64(), "session terminated on request",
                    "=name=" + new string('n', random.Next(0, 200)), ".tag", ".tag=", "=tag=" + random.Next(maxTag)]));
            }

            string? tag = random.Next(10) switch
            {
                < 7 => ".tag=" + random.Next(1, maxTag + 1),
                7 => ".tag=" + Gen.Pick(random, ["999999", "0", "-1", "abc", "2147483648", "99999999999", "00000000003"]),
                _ => null,
            };
            if (tag != null) words.Insert(random.Next(words.Count + 1), tag);
            output.AddRange(TestWire.Sentence(words.ToArray()));
        }

        return output.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var data = new List<byte>(valid);
        int mutations = random.Next(0, 6);
        for (int m = 0; m < mutations && data.Count > 0; m++)
        {
            int at = random.Next(data.Count);
            switch (random.Next(8))
            {
                case 0: data[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: data[at] = (byte)random.Next(256); break;
                case 2: data.InsertRange(at, Gen.Bytes(random, random.Next(1, 9))); break;
                case 3: data.RemoveRange(at, Math.Min(random.Next(1, 16), data.Count - at)); break;
                case 4:
                    int length = Math.Min(random.Next(1, 64), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 5: data.Insert(at, (byte)random.Next(0xF1, 0x100)); break;
                case 6: data.RemoveRange(at, data.Count - at); break;
                default: data.InsertRange(at, TestWire.Prefix(Gen.PrefixedLength(random))); break;
            }
        }

        return data.ToArray();
    }
}
