using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Decodes sentences in place in the receive buffer. The transport writes straight into the
    /// buffer (one copy per byte); words are recorded as offsets, never copied out. A word that
    /// cannot fit, or one past the word table, is dropped as its bytes stream past, so a hostile
    /// router can neither grow memory nor throw the stream out of sync.
    /// </summary>
    internal sealed class SentenceDecoder
    {
        // ".tag=" and up to 10 digits: a word this short is examined even when the table is full,
        // so a reply whose tag comes after too many words is still routed.
        private const int MaxTagWordLength = 15;

        private readonly byte[] _buffer;
        private readonly Reply _reply;
        private int _start;
        private int _parse;
        private int _end;
        private int _reserved;
        private long _skip;
        private bool _delivered;
        private bool _sawWord;
        private bool _sawTag;
        private bool _replyWordKept;

        internal SentenceDecoder(int size, Reply reply)
        {
            _buffer = new byte[size];
            _reply = reply;
            _reply.Reset(_buffer, 0);
        }

        internal byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>The protocol error that stopped decoding, if any.</summary>
        internal ErrorCode Error { get; private set; }

        internal void Reset()
        {
            _start = 0;
            _parse = 0;
            _end = 0;
            _reserved = 0;
            _skip = 0;
            _delivered = false;
            _sawWord = false;
            _sawTag = false;
            _replyWordKept = false;
            Error = ErrorCode.None;
            _reply.Reset(_buffer, 0);
        }

        internal int PrepareReceive(out int offset)
        {
            DiscardDelivered();
            int free = _buffer.Length - _end;
            if (_start > 0 && free < (_buffer.Length >> 1))
            {
                // Move the unfinished sentence to the front; only a partial sentence is ever copied.
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _parse -= _start;
                _end -= _start;
                _start = 0;
                _reply.Rebase(0);
                free = _buffer.Length - _end;
            }

            offset = _end;
            _reserved = _end;
            return free;
        }

        internal void CommitReceived(int count)
        {
            if (count < 0 || count > _buffer.Length - _reserved)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (_reserved != _end)
            {
                // A Poll between PrepareReceive and CommitReceived moved the data (a delivered
                // sentence discarded, skipped bytes removed): the new bytes join it where it ends.
                Array.Copy(_buffer, _reserved, _buffer, _end, count);
            }

            _end += count;
            _reserved = _end;
        }

        /// <summary>Decodes until a sentence completes (1), more bytes are needed (0), or the stream is broken (-1).</summary>
        internal int Next()
        {
            DiscardDelivered();
            while (true)
            {
                if (_skip > 0)
                {
                    int available = _end - _parse;
                    if (available == 0)
                    {
                        return 0;
                    }

                    int n = _skip < available ? (int)_skip : available;
                    Remove(_parse, n);
                    _skip -= n;
                    continue;
                }

                uint length;
                int prefix;
                LengthStatus status = LengthCodec.Decode(_buffer, _parse, _end - _parse, out length, out prefix);
                if (status == LengthStatus.NeedMore)
                {
                    return 0;
                }

                if (status != LengthStatus.Complete)
                {
                    Error = status == LengthStatus.ReservedControlByte ? ErrorCode.ReservedControlByte : ErrorCode.UnsupportedLengthPrefix;
                    return -1;
                }

                if (length == 0)
                {
                    _parse++;
                    if (!_sawWord && !_sawTag)
                    {
                        // An empty sentence: ignored, as the protocol says.
                        _start = _parse;
                        _reply.Rebase(_start);
                        continue;
                    }

                    _reply.Complete(_replyWordKept);
                    _delivered = true;
                    return 1;
                }

                int relative = _parse - _start;
                bool tableFull = _reply.WordCount == _reply.Capacity;
                bool fits = (long)relative + prefix + length + LengthCodec.MaxPrefixSize <= _buffer.Length;
                if (!fits || (tableFull && length > MaxTagWordLength))
                {
                    _sawWord = true;
                    _reply.DropWord();
                    Remove(_parse, prefix);
                    _skip = length;
                    continue;
                }

                if (_end - _parse < prefix + (int)length)
                {
                    return 0;
                }

                int content = _parse + prefix;
                _parse = content + (int)length;
                if (IsTagWord(content, (int)length))
                {
                    _sawTag = true;
                    _reply.SetTag(ParseTag(content + 5, (int)length - 5));
                    continue;
                }

                if (tableFull)
                {
                    _reply.DropWord();
                    continue;
                }

                if (!_sawWord)
                {
                    _replyWordKept = true;
                }

                _sawWord = true;
                _reply.AddWord(content - _start, (int)length);
            }
        }

        private void DiscardDelivered()
        {
            if (!_delivered)
            {
                return;
            }

            _delivered = false;
            _sawWord = false;
            _sawTag = false;
            _replyWordKept = false;
            if (_parse == _end)
            {
                _start = 0;
                _parse = 0;
                _end = 0;
            }
            else
            {
                _start = _parse;
            }

            _reply.Reset(_buffer, _start);
        }

        private void Remove(int position, int count)
        {
            Array.Copy(_buffer, position + count, _buffer, position, _end - position - count);
            _end -= count;
        }

        private bool IsTagWord(int offset, int length)
        {
            return length >= 5 && _buffer[offset] == '.' && _buffer[offset + 1] == 't' && _buffer[offset + 2] == 'a'
                && _buffer[offset + 3] == 'g' && _buffer[offset + 4] == '=';
        }

        // Our tags are positive decimal ints; anything else is a tag we never issued (-1).
        private int ParseTag(int offset, int length)
        {
            if (length == 0 || length > 10)
            {
                return -1;
            }

            long value = 0;
            for (int i = 0; i < length; i++)
            {
                int digit = _buffer[offset + i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return value > int.MaxValue || value == 0 ? -1 : (int)value;
        }
    }
}
