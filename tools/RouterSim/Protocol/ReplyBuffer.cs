using System.Buffers;

namespace RouterSim;

/// <summary>
/// Encoded reply sentences waiting to be written in one go. The buffer places the <c>.tag=</c>
/// word (see <see cref="ReplyTagPosition"/>), so no sentence builder has to know the order, and
/// remembers where each sentence ends (write faults cut at sentence boundaries).
/// </summary>
public sealed class ReplyBuffer
{
    private const string TagPrefix = ".tag=";
    private readonly ArrayBufferWriter<byte> _writer = new(4096);
    private readonly List<int> _sentenceEnds = new();
    private string? _pendingTag;

    /// <summary>Creates an empty buffer.</summary>
    public ReplyBuffer(ReplyTagPosition tagPosition = ReplyTagPosition.AfterReplyWord)
    {
        TagPosition = tagPosition;
    }

    /// <summary>Where this buffer writes the <c>.tag=</c> word.</summary>
    public ReplyTagPosition TagPosition { get; }

    /// <summary>Bytes encoded so far.</summary>
    public int Length => _writer.WrittenCount;

    /// <summary>Complete sentences encoded so far.</summary>
    public int SentenceCount => _sentenceEnds.Count;

    /// <summary>Length of the first sentence in the buffer (the mid-sentence drop fault cuts inside it).</summary>
    public int FirstSentenceLength => _sentenceEnds.Count == 0 ? 0 : _sentenceEnds[0];

    /// <summary>The encoded bytes.</summary>
    public ReadOnlyMemory<byte> Written => _writer.WrittenMemory;

    /// <summary>Byte offset where sentence <paramref name="index"/> (0-based) starts; <see cref="Length"/> past the last.</summary>
    public int SentenceStart(int index) => index <= 0 ? 0 : index >= _sentenceEnds.Count ? Length : _sentenceEnds[index - 1];

    /// <summary>Encodes a whole sentence: the reply word first, any <c>.tag=</c> word placed by
    /// <see cref="TagPosition"/>, the other words in the given order.</summary>
    public void Add(IEnumerable<string> words)
    {
        List<string> list = words as List<string> ?? words.ToList();
        string? tag = null;
        foreach (string word in list)
        {
            if (word.StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                tag = word.Substring(TagPrefix.Length);
            }
        }

        BeginSentence(list[0], tag);
        for (int i = 1; i < list.Count; i++)
        {
            if (!list[i].StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                AddWord(list[i]);
            }
        }

        EndSentence();
    }

    /// <summary>Starts a sentence built piecewise: its reply word and tag (null when untagged).
    /// Follow with <see cref="AddWord"/> calls and <see cref="EndSentence"/>.</summary>
    public void BeginSentence(string replyWord, string? tag)
    {
        WordCodec.WriteWord(_writer, replyWord);
        _pendingTag = null;
        if (tag != null)
        {
            if (TagPosition == ReplyTagPosition.AfterReplyWord)
            {
                WordCodec.WriteWord(_writer, TagPrefix + tag);
            }
            else
            {
                _pendingTag = tag;
            }
        }
    }

    /// <summary>Encodes one attribute word of the sentence begun with <see cref="BeginSentence"/>.</summary>
    public void AddWord(string word) => WordCodec.WriteWord(_writer, word);

    /// <summary>Ends the sentence (writing a pending last-position tag).</summary>
    public void EndSentence()
    {
        if (_pendingTag != null)
        {
            WordCodec.WriteWord(_writer, TagPrefix + _pendingTag);
            _pendingTag = null;
        }

        WordCodec.WriteTerminator(_writer);
        _sentenceEnds.Add(_writer.WrittenCount);
    }

    /// <summary>Forgets everything (the buffer's memory is kept for reuse).</summary>
    public void Clear()
    {
        _writer.ResetWrittenCount();
        _sentenceEnds.Clear();
        _pendingTag = null;
    }
}
