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
        // ".tag=" and up to 10 digits: a word this short is always examined, even when the table
        // is full or the buffer has no room left for it, so a reply's tag is read wherever it stands.
        private const int MaxTagWordLength = 15;

        private readonly byte[] _buffer;
        private readonly ReplyWords _reply;
        private readonly byte[] _small = new byte[MaxTagWordLength];
        private int _smallLength;
        private bool _capturing;
        private int _start;
        private int _parse;
        private int _end;
        private int _reserved;
        private long _skip;
        private bool _delivered;
        private bool _sawWord;
        private bool _sawTag;
        private bool _replyWordKept;

        internal SentenceDecoder(int size, ReplyWords reply)
        {
            _buffer = new byte[size];
            _reply = reply;
            _reply.Reset(_buffer, 0);
        }

        internal byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Whether part of a sentence has been received (meaningful after <see cref="Next"/> returned 0).</summary>
        internal bool IsMidSentence
        {
            get { return _end > _start || _skip > 0 || _sawWord || _sawTag; }
        }

        /// <summary>The protocol error that stopped decoding, if any.</summary>
        internal ErrorCode Error;

        internal void Reset()
        {
            _start = 0;
            _parse = 0;
            _end = 0;
            _reserved = 0;
            _skip = 0;
            _capturing = false;
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
                _reply.Base = 0;
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
                    if (_capturing)
                    {
                        Array.Copy(_buffer, _parse, _small, _smallLength, n);
                        _smallLength += n;
                    }

                    Remove(_parse, n);
                    _skip -= n;
                    if (_skip == 0 && _capturing)
                    {
                        _capturing = false;
                        FinishSmallWord();
                    }

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
                        _reply.Base = _start;
                        continue;
                    }

                    _reply.Complete(_replyWordKept);
                    _delivered = true;
                    return 1;
                }

                int relative = _parse - _start;
                bool tableFull = _reply.Count == _reply.Capacity;
                bool fits = (long)relative + prefix + length + LengthCodec.MaxPrefixSize <= _buffer.Length;
                if (!fits && length <= MaxTagWordLength)
                {
                    // No room in place (the sentence nearly fills the buffer): a word this short
                    // may be the tag, so it streams through a side buffer instead of being dropped.
                    Remove(_parse, prefix);
                    _skip = length;
                    _capturing = true;
                    _smallLength = 0;
                    continue;
                }

                if (!fits || (tableFull && length > MaxTagWordLength))
                {
                    _sawWord = true;
                    _reply.Dropped++;
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
                    _reply.Tag = ParseTag(_buffer, content + 5, (int)length - 5);
                    continue;
                }

                if (tableFull)
                {
                    _reply.Dropped++;
                    continue;
                }

                if (!_sawWord)
                {
                    _replyWordKept = true;
                }

                _sawWord = true;
                _reply.Add(content - _start, (int)length);
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

        // A short word that had no room in place: a tag is kept, anything else is dropped.
        private void FinishSmallWord()
        {
            _sawWord = _sawWord || !IsTagWord(_small, 0, _smallLength);
            if (IsTagWord(_small, 0, _smallLength))
            {
                _sawTag = true;
                _reply.Tag = ParseTag(_small, 5, _smallLength - 5);
            }
            else
            {
                _reply.Dropped++;
            }
        }

        private bool IsTagWord(int offset, int length)
        {
            return IsTagWord(_buffer, offset, length);
        }

        private static bool IsTagWord(byte[] b, int offset, int length)
        {
            return length >= 5 && b[offset] == '.' && b[offset + 1] == 't' && b[offset + 2] == 'a'
                && b[offset + 3] == 'g' && b[offset + 4] == '=';
        }

        // Our tags are positive decimal ints; anything else is a tag we never issued (-1).
        private static int ParseTag(byte[] bytes, int offset, int length)
        {
            if (length == 0 || length > 10)
            {
                return -1;
            }

            long value = 0;
            for (int i = 0; i < length; i++)
            {
                int digit = bytes[offset + i] - '0';
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
