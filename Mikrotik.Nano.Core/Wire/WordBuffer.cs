using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Encoded words in a fixed buffer: committed bytes (from <see cref="Start"/>, <see cref="Count"/>
    /// long) followed by at most one sentence being written, which is committed whole or rolled
    /// back, never half-written. Serves as the transmit buffer and as a command's staging buffer.
    /// </summary>
    internal sealed class WordBuffer
    {
        private readonly byte[] _buffer;
        private readonly byte[] _digits = new byte[20];
        private int _start;
        private int _end;
        private int _write;
        private bool _open;

        // Committed bytes before this offset hold a secret (a login): zeroed as soon as consumed.
        private int _sensitiveEnd;

        internal WordBuffer(int size)
        {
            _buffer = new byte[size];
        }

        internal byte[] Buffer
        {
            get { return _buffer; }
        }

        internal int Start
        {
            get { return _start; }
        }

        internal int Count
        {
            get { return _end - _start; }
        }

        internal bool IsSentenceOpen
        {
            get { return _open; }
        }

        internal void Clear()
        {
            Array.Clear(_buffer, 0, _sensitiveEnd);
            _sensitiveEnd = 0;
            _start = 0;
            _end = 0;
            _write = 0;
            _open = false;
        }

        internal void Consume(int count)
        {
            if (count < 0 || count > _end - _start)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            if (_sensitiveEnd > _start)
            {
                int end = _start + count < _sensitiveEnd ? _start + count : _sensitiveEnd;
                Array.Clear(_buffer, _start, end - _start);
                _sensitiveEnd = end == _sensitiveEnd ? 0 : _sensitiveEnd;
            }

            _start += count;
            if (_start == _end)
            {
                _start = 0;
                _end = 0;
            }
        }

        internal void BeginSentence()
        {
            if (_start > 0)
            {
                // Move the unsent bytes to the front so the new sentence has the most room.
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                if (_sensitiveEnd > 0)
                {
                    // Leave no copy of a secret behind the moved bytes.
                    Array.Clear(_buffer, _end - _start, _start);
                    _sensitiveEnd -= _start;
                }

                _end -= _start;
                _start = 0;
            }

            _write = _end;
            _open = true;
        }

        /// <summary>Ends the open sentence with its terminator and makes it visible to the transport.</summary>
        internal ErrorCode CommitSentence()
        {
            if (_write + 1 > _buffer.Length)
            {
                return Overflow();
            }

            _buffer[_write++] = 0;
            _end = _write;
            _open = false;
            return ErrorCode.None;
        }

        /// <summary>Marks every committed byte as secret: each is zeroed once the transport has taken it.</summary>
        internal void MarkSensitive()
        {
            _sensitiveEnd = _end;
        }

        internal void Rollback()
        {
            _write = _end;
            _open = false;
        }

        /// <summary>The bytes of the open sentence written so far (from <see cref="Start"/> + <see cref="Count"/>).</summary>
        internal int OpenLength
        {
            get { return _write - _end; }
        }

        /// <summary>Appends already-encoded words to the open sentence.</summary>
        internal ErrorCode Append(byte[] source, int offset, int count)
        {
            if (_write + count > _buffer.Length)
            {
                return Overflow();
            }

            Array.Copy(source, offset, _buffer, _write, count);
            _write += count;
            return ErrorCode.None;
        }

        /// <summary>Writes a word made of up to three text parts and a text value.</summary>
        internal ErrorCode WriteWord(string a, string b, string c, string value)
        {
            ErrorCode error = WriteHead(a, b, c, Size(value));
            if (error == ErrorCode.None)
            {
                WriteText(value);
            }

            return error;
        }

        /// <summary>Writes a word made of up to three text parts and a byte value.</summary>
        internal ErrorCode WriteWord(string a, string b, string c, byte[] value, int offset, int count)
        {
            ErrorCode error = WriteHead(a, b, c, count);
            if (error == ErrorCode.None)
            {
                Array.Copy(value, offset, _buffer, _write, count);
                _write += count;
            }

            return error;
        }

        /// <summary>Writes a word made of up to three text parts and a decimal integer.</summary>
        internal ErrorCode WriteWord(string a, string b, string c, long value)
        {
            int n = FormatDecimal(value);
            return WriteWord(a, b, c, _digits, _digits.Length - n, n);
        }

        // Writes the length prefix of the whole word and its text parts; the caller adds the value.
        private ErrorCode WriteHead(string a, string b, string c, int valueLength)
        {
            int length = Size(a) + Size(b) + Size(c) + valueLength;
            if (_write + LengthCodec.GetPrefixSize((uint)length) + length > _buffer.Length)
            {
                return Overflow();
            }

            _write += LengthCodec.Encode((uint)length, _buffer, _write);
            WriteText(a);
            WriteText(b);
            WriteText(c);
            return ErrorCode.None;
        }

        private ErrorCode Overflow()
        {
            // Nothing pending means the sentence alone is too large; otherwise flushing may help.
            ErrorCode error = _end == 0 ? ErrorCode.CommandTooLarge : ErrorCode.TransmitBufferFull;
            Rollback();
            return error;
        }

        private void WriteText(string text)
        {
            if (text != null)
            {
                _write += Utf8.Encode(text, _buffer, _write);
            }
        }

        private static int Size(string text)
        {
            return text == null ? 0 : Utf8.GetByteCount(text);
        }

        // Formats right-aligned into _digits; returns the digit count.
        private int FormatDecimal(long value)
        {
            ulong magnitude = value < 0 ? (ulong)(0 - value) : (ulong)value;
            int i = _digits.Length;
            do
            {
                _digits[--i] = (byte)('0' + (int)(magnitude % 10));
                magnitude /= 10;
            }
            while (magnitude != 0);

            if (value < 0)
            {
                _digits[--i] = (byte)'-';
            }

            return _digits.Length - i;
        }
    }
}
