using System.Globalization;
using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>
/// Commands built from random valid paths, names and values come out of the transmit buffer as
/// exactly the words a test-side model predicts (UTF-8, decimal, raw bytes, tag last); sizes at and
/// past the buffers' limits fail with the documented code and queue nothing; invalid paths and names
/// always raise InvalidPath / InvalidName and leave the transmit buffer untouched.
/// </summary>
public class CommandWriterPropertyTests
{
    private const int Seed = 8728;

    private enum Op { AttributeText, AttributeNumber, AttributeBytes, Flag, Proplist, Has, Lacks, EqualsValue, EqualsAttribute, Less, Greater, Operations }

    private sealed record Step(Op Op, string Name, string Text, long Number, byte[] Bytes, int Offset, int Count);

    private static readonly Op[] NamedOps = [Op.AttributeText, Op.AttributeNumber, Op.AttributeBytes, Op.Flag, Op.Proplist, Op.Has, Op.Lacks, Op.EqualsValue, Op.EqualsAttribute, Op.Less, Op.Greater];

    private static Step RandomStep(Random random, Op op, string? name = null)
    {
        name ??= op == Op.Proplist
            ? string.Join(",", Enumerable.Range(0, random.Next(1, 5)).Select(_ => Gen.Name(random)))
            : Gen.Name(random);
        byte[] bytes = Gen.Bytes(random, random.Next(0, 200));
        int offset = random.Next(bytes.Length + 1);
        int count = random.Next(bytes.Length - offset + 1);
        string text = op == Op.Operations
            ? new string(Enumerable.Range(0, random.Next(1, 7)).Select(_ => "!&|.0123456789"[random.Next(14)]).ToArray())
            : Gen.Text(random);
        return new Step(op, name, text, Gen.Int64(random), bytes, offset, count);
    }

    private static CommandWriter Apply(CommandWriter writer, Step s) => s.Op switch
    {
        Op.AttributeText => writer.Attribute(s.Name, s.Text),
        Op.AttributeNumber => writer.Attribute(s.Name, s.Number),
        Op.AttributeBytes => writer.Attribute(s.Name, s.Bytes, s.Offset, s.Count),
        Op.Flag => writer.Flag(s.Name),
        Op.Proplist => writer.Proplist(s.Name),
        Op.Has => writer.QueryHas(s.Name),
        Op.Lacks => writer.QueryLacks(s.Name),
        Op.EqualsValue => writer.QueryEquals(s.Name, s.Text),
        Op.EqualsAttribute => writer.QueryEqualsAttribute(s.Name, s.Text),
        Op.Less => writer.QueryLess(s.Name, s.Text),
        Op.Greater => writer.QueryGreater(s.Name, s.Text),
        _ => writer.QueryOperations(s.Text),
    };

    // The model: the word each step must produce.
    private static byte[] Word(Step s)
    {
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text); // lone surrogates become U+FFFD, as in Core
        return s.Op switch
        {
            Op.AttributeText => Utf8("=" + s.Name + "=" + s.Text),
            Op.AttributeNumber => Utf8("=" + s.Name + "=" + s.Number.ToString(CultureInfo.InvariantCulture)),
            Op.AttributeBytes => [.. Utf8("=" + s.Name + "="), .. s.Bytes.AsSpan(s.Offset, s.Count)],
            Op.Flag => Utf8("=" + s.Name + "="),
            Op.Proplist => Utf8("=.proplist=" + s.Name),
            Op.Has => Utf8("?" + s.Name),
            Op.Lacks => Utf8("?-" + s.Name),
            Op.EqualsValue => Utf8("?" + s.Name + "=" + s.Text),
            Op.EqualsAttribute => Utf8("?=" + s.Name + "=" + s.Text),
            Op.Less => Utf8("?<" + s.Name + "=" + s.Text),
            Op.Greater => Utf8("?>" + s.Name + "=" + s.Text),
            _ => Utf8("?#" + s.Text),
        };
    }

    private static int Encoded(byte[] word) => TestWire.Prefix((uint)word.Length).Length + word.Length;

    private static void Finish(ApiConnection connection, int tag)
    {
        int accepted = TestWire.Feed(connection, TestWire.Sentence("!done", ".tag=" + tag), int.MaxValue);
        Assert.True(accepted > 0);
        Assert.Equal(ConnectionEvent.Reply, connection.Poll());
        Assert.Equal(ReplyType.Done, connection.Reply.Type);
        Assert.Equal(0, connection.ActiveCommandCount);
    }

    /// <summary>
    /// Random valid commands round-trip through a test-side decoder of the transmit buffer; a command
    /// too large for the command buffer fails at the word that overflows it, and one that does not
    /// fit beside the bytes still waiting to be sent fails with nothing queued and can be sent after a drain.
    /// </summary>
    [Fact]
    public void RandomValidCommandsRoundTripThroughTheTransmitBuffer()
    {
        var random = new Random(Seed);
        (int Command, int Transmit)[] sizes = [(64, 68), (512, 700), (4096, 8192)];
        var connections = sizes.Select(s => TestWire.LoggedIn(new ConnectionOptions { CommandBufferSize = s.Command, TransmitBufferSize = s.Transmit, TagSlots = 1 })).ToArray();
        var nextTag = connections.Select(_ => 2).ToArray(); // the login took tag 1; tags are issued in order
        int sent = 0, tooLargeWhileBuilding = 0, transmitFull = 0, tooLargeToSend = 0;

        for (int iteration = 0; iteration < 3000; iteration++)
        {
            int which = random.Next(connections.Length);
            var connection = connections[which];
            int commandCapacity = sizes[which].Command;
            int transmitCapacity = sizes[which].Transmit;
            if (random.Next(3) != 0) connection.CommitTransmitted(random.Next(connection.TransmitCount + 1));

            string path = Gen.Path(random);
            var words = new List<byte[]> { Encoding.ASCII.GetBytes(path) };
            int size = Encoded(words[0]);
            CommandWriter writer = connection.NewCommand().Path(path);
            bool overflowed = false;
            int steps = random.Next(0, 13);
            for (int i = 0; i < steps && !overflowed; i++)
            {
                Step step = RandomStep(random, (Op)random.Next(12));
                byte[] word = Word(step);
                if (size + Encoded(word) > commandCapacity)
                {
                    var ex = Assert.Throws<MikrotikException>(() => Apply(writer, step));
                    Assert.Equal(ErrorCode.CommandTooLarge, ex.Code);
                    overflowed = true;
                    continue;
                }

                Assert.Same(writer, Apply(writer, step));
                words.Add(word);
                size += Encoded(word);
            }

            int pending = connection.TransmitCount;
            if (overflowed)
            {
                tooLargeWhileBuilding++;
                Assert.Equal(ErrorCode.InvalidState, Assert.Throws<MikrotikException>(() => connection.Send(writer)).Code);
                Assert.Equal(pending, connection.TransmitCount);
                continue;
            }

            while (true)
            {
                int tag = nextTag[which]++;
                byte[] tagWord = Encoding.ASCII.GetBytes(".tag=" + tag);
                int total = size + Encoded(tagWord) + 1;
                pending = connection.TransmitCount;
                if (pending + total > transmitCapacity)
                {
                    var ex = Assert.Throws<MikrotikException>(() => connection.Send(writer));
                    Assert.Equal(pending == 0 ? ErrorCode.CommandTooLarge : ErrorCode.TransmitBufferFull, ex.Code);
                    Assert.Equal(pending, connection.TransmitCount);
                    Assert.Equal(0, connection.ActiveCommandCount);
                    if (pending == 0)
                    {
                        tooLargeToSend++;
                        break;
                    }

                    // Still staged: the transport drains the buffer and the same command goes out.
                    transmitFull++;
                    connection.CommitTransmitted(pending);
                    continue;
                }

                Assert.Equal(tag, connection.Send(writer));
                var queued = TestWire.DecodeSentences(connection.TransmitBuffer, connection.TransmitOffset + pending, total);
                var sentence = Assert.Single(queued);
                Assert.Equal(words.Count + 1, sentence.Count);
                for (int w = 0; w < words.Count; w++)
                {
                    Assert.True(words[w].AsSpan().SequenceEqual(sentence[w]), $"iteration {iteration}: word {w} differs");
                }

                Assert.Equal(tagWord, sentence[^1]);
                Assert.Equal(pending + total, connection.TransmitCount);
                Finish(connection, tag);
                sent++;
                break;
            }
        }

        Console.WriteLine($"command writer: {sent} sent, {tooLargeWhileBuilding} too large for the command buffer, {transmitFull} waited for a drain, {tooLargeToSend} too large to send");
        Assert.True(sent > 1000 && tooLargeWhileBuilding > 100 && transmitFull > 10 && tooLargeToSend > 10, "every outcome is exercised");
    }

    private static bool IsValidPath(string? path)
    {
        if (path == null || path.Length < 2 || path[0] != '/' || path[^1] == '/') return false;
        foreach (string segment in path[1..].Split('/'))
        {
            if (segment.Length == 0 || segment.Any(c => !Gen.PathChars.Contains(c))) return false;
        }

        return true;
    }

    private static bool IsValidName(string? name) => !string.IsNullOrEmpty(name) && name.All(c => c > ' ' && c <= '~' && c != '=');

    private static string? RandomString(Random random, string alphabet, int maxLength)
    {
        if (random.Next(30) == 0) return null;
        int length = random.Next(0, maxLength + 1);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    /// <summary>
    /// Paths and names from an alphabet mixing valid and invalid characters: Core accepts exactly
    /// what the documented rules accept; every rejection is InvalidPath / InvalidName, discards the
    /// command being built, and leaves the bytes waiting in the transmit buffer as they were.
    /// </summary>
    [Fact]
    public void InvalidNamesAndPathsRaiseAndQueueNothing()
    {
        var random = new Random(Seed + 1);
        var connection = TestWire.LoggedIn(new ConnectionOptions { CommandBufferSize = 4096, TransmitBufferSize = 8192 });
        connection.Send(connection.NewCommand().Path("/interface/print")); // left queued: it must stay as it is
        int queued = connection.TransmitCount;
        byte[] queuedBytes = connection.TransmitBuffer.AsSpan(connection.TransmitOffset, queued).ToArray();
        const string pathAlphabet = "/////abcXYZ019-_.. =?\u00e9\u0000\t\u007f,";
        const string nameAlphabet = "abc.-_!~#?<>,/ =\u0000\t\u007f\u00a0\u00e9\ud83d";
        int rejectedPaths = 0, acceptedPaths = 0, rejectedNames = 0, acceptedNames = 0;

        for (int iteration = 0; iteration < 5000; iteration++)
        {
            CommandWriter previous = connection.NewCommand().Path("/system/resource/print");
            string? path = random.Next(3) switch
            {
                0 => Gen.Path(random),
                1 => Gen.Path(random) is var p ? p.Insert(random.Next(1, p.Length + 1), pathAlphabet[random.Next(pathAlphabet.Length)].ToString()) : null,
                _ => RandomString(random, pathAlphabet, 14),
            };
            if (IsValidPath(path))
            {
                acceptedPaths++;
                _ = connection.NewCommand().Path(path!); // accepted is the test: the next NewCommand discards it
            }
            else
            {
                rejectedPaths++;
                Assert.Equal(ErrorCode.InvalidPath, Assert.Throws<MikrotikException>(() => connection.NewCommand().Path(path!)).Code);
                Assert.Equal(ErrorCode.InvalidState, Assert.Throws<MikrotikException>(() => connection.Send(previous)).Code);
            }

            Assert.Equal(queued, connection.TransmitCount);

            CommandWriter writer = connection.NewCommand().Path(Gen.Path(random));
            for (int i = random.Next(0, 4); i > 0; i--) Apply(writer, RandomStep(random, Gen.Pick(random, NamedOps)));
            Op op = Gen.Pick(random, NamedOps);
            string? name = RandomString(random, nameAlphabet, 10);
            if (op == Op.Proplist && name != null && random.Next(2) == 0) name = "uptime," + name;
            Step step = RandomStep(random, op, name ?? string.Empty) with { Name = name! };
            if (IsValidName(name))
            {
                acceptedNames++;
                Apply(writer, step);
            }
            else
            {
                rejectedNames++;
                Assert.Equal(ErrorCode.InvalidName, Assert.Throws<MikrotikException>(() => Apply(writer, step)).Code);
                Assert.Equal(queued, connection.TransmitCount);
                Assert.Equal(ErrorCode.InvalidState, Assert.Throws<MikrotikException>(() => connection.Send(writer)).Code);
            }

            Assert.Equal(queued, connection.TransmitCount);
        }

        Assert.True(connection.TransmitBuffer.AsSpan(connection.TransmitOffset, queued).SequenceEqual(queuedBytes), "the queued command is untouched");
        Assert.Equal(1, connection.ActiveCommandCount);
        Console.WriteLine($"validation: {rejectedPaths} paths rejected, {acceptedPaths} accepted; {rejectedNames} names rejected, {acceptedNames} accepted");
        Assert.True(rejectedPaths > 500 && acceptedPaths > 500 && rejectedNames > 500 && acceptedNames > 50, "both outcomes are exercised");
    }

    /// <summary>A byte range outside the array is InvalidName; query operations outside ! &amp; | . and digits are InvalidQuery; neither queues anything.</summary>
    [Fact]
    public void BadByteRangesAndQueryOperationsRaiseAndQueueNothing()
    {
        var random = new Random(Seed + 2);
        var connection = TestWire.LoggedIn(null);
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            byte[] bytes = Gen.Bytes(random, random.Next(0, 20));
            int offset = random.Next(-3, bytes.Length + 4);
            int count = random.Next(-3, bytes.Length + 4);
            bool inRange = offset >= 0 && count >= 0 && offset + count <= bytes.Length;
            byte[]? value = random.Next(20) == 0 ? null : bytes;
            CommandWriter writer = connection.NewCommand().Path("/file/set");
            if (value != null && inRange)
            {
                writer.Attribute("contents", value, offset, count);
            }
            else
            {
                Assert.Equal(ErrorCode.InvalidName, Assert.Throws<MikrotikException>(() => writer.Attribute("contents", value!, offset, count)).Code);
            }

            string operations = RandomString(random, "!&|.09a =#", 5) ?? string.Empty;
            bool validOperations = operations.Length > 0 && operations.All(c => "!&|.0123456789".Contains(c));
            writer = connection.NewCommand().Path("/interface/print").QueryHas("a").QueryHas("b");
            if (validOperations)
            {
                writer.QueryOperations(operations);
            }
            else
            {
                Assert.Equal(ErrorCode.InvalidQuery, Assert.Throws<MikrotikException>(() => writer.QueryOperations(operations)).Code);
            }

            Assert.Equal(0, connection.TransmitCount);
        }
    }
}
