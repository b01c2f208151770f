using System.Buffers;
using System.Text;

namespace RouterSim;

/// <summary>
/// RouterOS API word and sentence encoding (length prefix + bytes, zero-length word ends a sentence).
/// </summary>
/// <remarks>
/// Text is mapped to bytes with Latin-1 so that every byte a client sends survives a round trip
/// unchanged: RouterOS stores bytes, not text, and documents no character encoding.
/// </remarks>
public static class WordCodec
{
    /// <summary>Byte-transparent encoding used for every word on the wire.</summary>
    public static Encoding WireEncoding { get; } = Encoding.Latin1;

    /// <summary>Number of prefix bytes used for a word of <paramref name="length"/> bytes.</summary>
    public static int PrefixSize(uint length) =>
        length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;

    /// <summary>Writes the length prefix of a word into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteLength(uint length, Span<byte> destination)
    {
        switch (PrefixSize(length))
        {
            case 1:
                destination[0] = (byte)length;
                return 1;
            case 2:
                destination[0] = (byte)((length >> 8) | 0x80);
                destination[1] = (byte)length;
                return 2;
            case 3:
                destination[0] = (byte)((length >> 16) | 0xC0);
                destination[1] = (byte)(length >> 8);
                destination[2] = (byte)length;
                return 3;
            case 4:
                destination[0] = (byte)((length >> 24) | 0xE0);
                destination[1] = (byte)(length >> 16);
                destination[2] = (byte)(length >> 8);
                destination[3] = (byte)length;
                return 4;
            default:
                destination[0] = 0xF0;
                destination[1] = (byte)(length >> 24);
                destination[2] = (byte)(length >> 16);
                destination[3] = (byte)(length >> 8);
                destination[4] = (byte)length;
                return 5;
        }
    }

    /// <summary>Encodes a length prefix as a new array (test vectors, diagnostics).</summary>
    public static byte[] EncodeLength(uint length)
    {
        var buffer = new byte[5];
        int n = WriteLength(length, buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    /// <summary>
    /// Decodes a length prefix from the start of <paramref name="source"/>.
    /// Returns the prefix size, 0 if more bytes are needed, or -1 for a reserved control byte
    /// (0xF1..0xFF), which makes the rest of the stream uninterpretable.
    /// </summary>
    public static int TryDecodeLength(ReadOnlySpan<byte> source, out uint length)
    {
        length = 0;
        if (source.Length == 0)
        {
            return 0;
        }

        byte b = source[0];
        int size = b < 0x80 ? 1 : b < 0xC0 ? 2 : b < 0xE0 ? 3 : b < 0xF0 ? 4 : b == 0xF0 ? 5 : -1;
        if (size < 0)
        {
            return -1;
        }

        if (source.Length < size)
        {
            return 0;
        }

        switch (size)
        {
            case 1:
                length = b;
                break;
            case 2:
                length = ((uint)(b & 0x3F) << 8) | source[1];
                break;
            case 3:
                length = ((uint)(b & 0x1F) << 16) | ((uint)source[1] << 8) | source[2];
                break;
            case 4:
                length = ((uint)(b & 0x0F) << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | source[3];
                break;
            default:
                length = ((uint)source[1] << 24) | ((uint)source[2] << 16) | ((uint)source[3] << 8) | source[4];
                break;
        }

        return size;
    }

    /// <summary>Appends one word (prefix and bytes) to <paramref name="writer"/>.</summary>
    public static void WriteWord(IBufferWriter<byte> writer, string word)
    {
        int byteCount = WireEncoding.GetByteCount(word);
        Span<byte> prefix = writer.GetSpan(5);
        int n = WriteLength((uint)byteCount, prefix);
        writer.Advance(n);
        if (byteCount > 0)
        {
            Span<byte> body = writer.GetSpan(byteCount);
            WireEncoding.GetBytes(word, body);
            writer.Advance(byteCount);
        }
    }

    /// <summary>Appends the zero-length word that ends a sentence.</summary>
    public static void WriteTerminator(IBufferWriter<byte> writer)
    {
        writer.GetSpan(1)[0] = 0;
        writer.Advance(1);
    }

    /// <summary>Encodes a whole sentence (words then terminator) into a new array.</summary>
    public static byte[] EncodeSentence(IEnumerable<string> words)
    {
        var writer = new ArrayBufferWriter<byte>();
        foreach (string word in words)
        {
            WriteWord(writer, word);
        }

        WriteTerminator(writer);
        return writer.WrittenSpan.ToArray();
    }
}
