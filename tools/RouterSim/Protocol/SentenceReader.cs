namespace RouterSim;

/// <summary>
/// Reads whole sentences from a stream. Accepts any split of the byte stream (a prefix split
/// across reads, one byte per read, many sentences per read), because TCP guarantees none.
/// </summary>
public sealed class SentenceReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Creates a reader over <paramref name="stream"/>.</summary>
    public SentenceReader(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Default of <see cref="MaxWordLength"/>: 16 MiB.</summary>
    public const int DefaultMaxWordLength = 16 * 1024 * 1024;

    /// <summary>Words longer than this are a protocol violation: nothing a client legitimately
    /// sends is that large, and buffering it would let a peer exhaust memory. Can change between
    /// sentences (the session lowers it until login).</summary>
    public int MaxWordLength { get; set; } = DefaultMaxWordLength;

    /// <summary>
    /// Reads the next sentence. Returns null at a clean end of stream (between sentences), throws
    /// <see cref="EndOfStreamException"/> if the stream ends inside a sentence and
    /// <see cref="ApiProtocolException"/> on a reserved control byte or an oversize word.
    /// Empty sentences are returned as empty lists (callers ignore them, as the router does).
    /// </summary>
    public async ValueTask<List<string>?> ReadSentenceAsync(CancellationToken cancellationToken)
    {
        var words = new List<string>();
        while (true)
        {
            int prefixSize;
            uint length;
            while ((prefixSize = WordCodec.TryDecodeLength(_buffer.AsSpan(_start, _end - _start), out length)) == 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    if (words.Count == 0 && _start == _end)
                    {
                        return null;
                    }

                    throw new EndOfStreamException("connection closed inside a sentence");
                }
            }

            if (prefixSize < 0)
            {
                throw new ApiProtocolException($"reserved control byte 0x{_buffer[_start]:X2}");
            }

            if (length > (uint)MaxWordLength)
            {
                throw new ApiProtocolException($"word of {length} bytes exceeds the {MaxWordLength} byte limit");
            }

            _start += prefixSize;
            if (length == 0)
            {
                return words;
            }

            EnsureCapacity((int)length);
            while (_end - _start < length)
            {
                if (!await FillAsync(cancellationToken))
                {
                    throw new EndOfStreamException("connection closed inside a word");
                }
            }

            words.Add(WordCodec.WireEncoding.GetString(_buffer, _start, (int)length));
            _start += (int)length;
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (_buffer.Length - _start >= needed)
        {
            return;
        }

        int pending = _end - _start;
        byte[] target = _buffer.Length >= needed ? _buffer : new byte[Math.Max(needed, _buffer.Length * 2)];
        Buffer.BlockCopy(_buffer, _start, target, 0, pending);
        _buffer = target;
        _start = 0;
        _end = pending;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_end == _buffer.Length)
        {
            EnsureCapacity(_buffer.Length - _start + 1);
        }

        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read <= 0)
        {
            return false;
        }

        _end += read;
        return true;
    }
}
