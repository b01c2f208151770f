using System.Text;

namespace Mikrotik.Nano.HostTests.Core.Support;

/// <summary>
/// The test side of the wire, written from the protocol table in routeros-api.md and independently
/// of Core's LengthCodec/WordBuffer, so each side checks the other: encode router sentences, decode
/// what a connection transmitted, feed bytes under given splits, log in.
/// </summary>
internal static class TestWire
{
    /// <summary>The length prefix of a word of <paramref name="length"/> bytes, from the protocol table.</summary>
    public static byte[] Prefix(uint length)
    {
        if (length <= 0x7F) return [(byte)length];
        if (length <= 0x3FFF) return [(byte)(0x80 | (length >> 8)), (byte)length];
        if (length <= 0x1FFFFF) return [(byte)(0xC0 | (length >> 16)), (byte)(length >> 8), (byte)length];
        if (length <= 0xFFFFFFF) return [(byte)(0xE0 | (length >> 24)), (byte)(length >> 16), (byte)(length >> 8), (byte)length];
        return [0xF0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length];
    }

    /// <summary>Decodes a prefix; null when <paramref name="count"/> bytes do not hold all of it; throws on 0xF1..0xFF.</summary>
    public static (uint Length, int Size)? ReadPrefix(byte[] buffer, int offset, int count)
    {
        if (count < 1) return null;
        byte first = buffer[offset];
        int size = first < 0x80 ? 1 : first < 0xC0 ? 2 : first < 0xE0 ? 3 : first < 0xF0 ? 4 : first == 0xF0 ? 5 : 0;
        if (size == 0) throw new InvalidDataException($"control byte 0x{first:X2}");
        if (count < size) return null;
        uint value = size switch { 1 => first, 2 => first & 0x3Fu, 3 => first & 0x1Fu, 4 => first & 0x0Fu, _ => 0u };
        for (int i = 1; i < size; i++)
        {
            value = (value << 8) | buffer[offset + i];
        }

        return (value, size);
    }

    /// <summary>Appends one word (prefix and bytes) to <paramref name="output"/>.</summary>
    public static void AppendWord(List<byte> output, byte[] word)
    {
        output.AddRange(Prefix((uint)word.Length));
        output.AddRange(word);
    }

    /// <summary>Encodes a sentence of byte words and its terminator.</summary>
    public static byte[] Sentence(IEnumerable<byte[]> words)
    {
        var output = new List<byte>();
        foreach (var word in words)
        {
            AppendWord(output, word);
        }

        output.Add(0);
        return output.ToArray();
    }

    /// <summary>Encodes a sentence of ASCII/UTF-8 text words and its terminator.</summary>
    public static byte[] Sentence(params string[] words) => Sentence(words.Select(Encoding.UTF8.GetBytes));

    /// <summary>Splits a buffer region holding whole sentences into sentences of byte words; throws if it ends mid-sentence.</summary>
    public static List<List<byte[]>> DecodeSentences(byte[] buffer, int offset, int count)
    {
        var sentences = new List<List<byte[]>>();
        var words = new List<byte[]>();
        int at = offset;
        int end = offset + count;
        while (at < end)
        {
            var prefix = ReadPrefix(buffer, at, end - at) ?? throw new InvalidDataException("partial prefix");
            at += prefix.Size;
            if (prefix.Length == 0)
            {
                sentences.Add(words);
                words = new List<byte[]>();
                continue;
            }

            if (prefix.Length > end - at) throw new InvalidDataException("partial word");
            words.Add(buffer.AsSpan(at, (int)prefix.Length).ToArray());
            at += (int)prefix.Length;
        }

        if (words.Count != 0) throw new InvalidDataException("ends inside a sentence");
        return sentences;
    }

    /// <summary>Takes every byte the connection has to send, as sentences of byte words.</summary>
    public static List<List<byte[]>> Drain(ApiConnection connection)
    {
        var sentences = DecodeSentences(connection.TransmitBuffer, connection.TransmitOffset, connection.TransmitCount);
        connection.CommitTransmitted(connection.TransmitCount);
        return sentences;
    }

    /// <summary>The tag of a transmitted sentence (its <c>.tag=</c> word), or null.</summary>
    public static string? TagOf(List<byte[]> sentence)
    {
        foreach (var word in sentence)
        {
            var text = Encoding.ASCII.GetString(word);
            if (text.StartsWith(".tag=", StringComparison.Ordinal)) return text[5..];
        }

        return null;
    }

    /// <summary>Feeds as much of <paramref name="data"/> as the buffer takes, in chunks of at most <paramref name="chunk"/>.</summary>
    public static int Feed(ApiConnection connection, byte[] data, int chunk)
    {
        int at = 0;
        while (at < data.Length)
        {
            int room = connection.PrepareReceive(out int offset);
            if (room == 0) break;
            int n = Math.Min(Math.Min(chunk, room), data.Length - at);
            Array.Copy(data, at, connection.ReceiveBuffer, offset, n);
            connection.CommitReceived(n);
            at += n;
        }

        return at;
    }

    /// <summary>A connection that has completed a plain login (the router's <c>!done</c> is scripted).</summary>
    public static ApiConnection LoggedIn(ConnectionOptions? options = null)
    {
        var connection = new ApiConnection(options);
        connection.Login("admin", "secret");
        var login = Drain(connection);
        var tag = TagOf(login.Single()) ?? throw new InvalidDataException("login has no tag");
        Feed(connection, Sentence("!done", ".tag=" + tag), int.MaxValue);
        var e = connection.Poll();
        if (e != ConnectionEvent.LoginSucceeded) throw new InvalidOperationException("login did not succeed: " + e);
        return connection;
    }

    /// <summary>Whether two byte ranges hold the same bytes.</summary>
    public static bool SameBytes(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        => a.AsSpan(aOffset, count).SequenceEqual(b.AsSpan(bOffset, count));
}
