using System.Buffers;

namespace RouterSim;

/// <summary>Encoded reply sentences waiting to be written in one go.</summary>
public sealed class ReplyBuffer
{
    private readonly ArrayBufferWriter<byte> _writer = new(4096);

    /// <summary>Bytes encoded so far.</summary>
    public int Length => _writer.WrittenCount;

    /// <summary>Length of the first sentence in the buffer (the mid-sentence drop fault cuts inside it).</summary>
    public int FirstSentenceLength { get; private set; }

    /// <summary>The encoded bytes.</summary>
    public ReadOnlyMemory<byte> Written => _writer.WrittenMemory;

    /// <summary>Encodes a whole sentence.</summary>
    public void Add(IEnumerable<string> words)
    {
        foreach (string word in words)
        {
            WordCodec.WriteWord(_writer, word);
        }

        EndSentence();
    }

    /// <summary>Encodes one word of a sentence being built piecewise (see <see cref="EndSentence"/>).</summary>
    public void AddWord(string word) => WordCodec.WriteWord(_writer, word);

    /// <summary>Ends a sentence built with <see cref="AddWord"/>.</summary>
    public void EndSentence()
    {
        WordCodec.WriteTerminator(_writer);
        if (FirstSentenceLength == 0)
        {
            FirstSentenceLength = _writer.WrittenCount;
        }
    }

    /// <summary>Forgets everything (the buffer's memory is kept for reuse).</summary>
    public void Clear()
    {
        _writer.ResetWrittenCount();
        FirstSentenceLength = 0;
    }
}
