using System;

namespace Esp32Watchdog.Status.Formats
{
    /// <summary>
    /// Writes text into a byte buffer allocated once: numbers as decimal digits and strings as
    /// UTF-8, with the escapes JSON and Prometheus need, without creating strings. A write that
    /// does not fit sets <see cref="Overflowed"/> and writes nothing more, so a caller checks once
    /// at the end instead of after every write.
    /// </summary>
    public sealed class ByteWriter
    {
        private readonly byte[] _buffer;
        private readonly int _start;
        private readonly int _end;
        private int _position;
        private bool _overflowed;

        /// <summary>Creates a writer over its own buffer.</summary>
        /// <param name="capacity">Bytes; at least 16.</param>
        public ByteWriter(int capacity)
            : this(new byte[capacity < 16 ? 16 : capacity], 0, capacity < 16 ? 16 : capacity)
        {
        }

        /// <summary>Creates a writer over a region of a caller's buffer.</summary>
        /// <param name="buffer">The buffer.</param>
        /// <param name="offset">Where the region starts.</param>
        /// <param name="count">The region's length.</param>
        public ByteWriter(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset + count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            _buffer = buffer;
            _start = offset;
            _end = offset + count;
            _position = offset;
        }

        /// <summary>The buffer written into.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Where the written bytes start in <see cref="Buffer"/>.</summary>
        public int Start
        {
            get { return _start; }
        }

        /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>True when a write did not fit; the output is then incomplete.</summary>
        public bool Overflowed
        {
            get { return _overflowed; }
        }

        /// <summary>Forgets everything written.</summary>
        public void Clear()
        {
            _position = _start;
            _overflowed = false;
        }

        /// <summary>
        /// After an overflow, keeps the bytes that fitted (without a character cut in half) and
        /// allows writing again; does nothing when nothing overflowed.
        /// </summary>
        public void KeepWhatFitted()
        {
            if (!_overflowed)
            {
                return;
            }

            _overflowed = false;
            int lead = _position - 1;
            while (lead >= _start && (_buffer[lead] & 0xC0) == 0x80)
            {
                lead--;
            }

            if (lead < _start)
            {
                _position = _start;
                return;
            }

            int b = _buffer[lead];
            int needed = b < 0x80 ? 1 : (b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4));
            if (_position - lead < needed)
            {
                _position = lead;
            }
        }

        /// <summary>Writes one byte.</summary>
        /// <param name="value">The byte.</param>
        public void Byte(byte value)
        {
            if (_overflowed || _position >= _end)
            {
                _overflowed = true;
                return;
            }

            _buffer[_position++] = value;
        }

        /// <summary>Writes a character as UTF-8 (a lone surrogate becomes '?').</summary>
        /// <param name="c">The character.</param>
        public void Char(char c)
        {
            if (c < 0x80)
            {
                Byte((byte)c);
            }
            else if (c < 0x800)
            {
                Byte((byte)(0xC0 | (c >> 6)));
                Byte((byte)(0x80 | (c & 0x3F)));
            }
            else if (c >= 0xD800 && c <= 0xDFFF)
            {
                // Surrogate pairs are rare in router names and reasons; '?' keeps the output valid UTF-8.
                Byte((byte)'?');
            }
            else
            {
                Byte((byte)(0xE0 | (c >> 12)));
                Byte((byte)(0x80 | ((c >> 6) & 0x3F)));
                Byte((byte)(0x80 | (c & 0x3F)));
            }
        }

        /// <summary>Writes a string as UTF-8, unescaped. Null writes nothing.</summary>
        /// <param name="text">The text.</param>
        public void Text(string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                Char(text[i]);
            }
        }

        /// <summary>Writes at most <paramref name="maxChars"/> characters of a string, unescaped.</summary>
        /// <param name="text">The text; null writes nothing.</param>
        /// <param name="maxChars">The most characters written.</param>
        public void Text(string text, int maxChars)
        {
            if (text == null)
            {
                return;
            }

            int n = text.Length < maxChars ? text.Length : maxChars;
            for (int i = 0; i < n; i++)
            {
                Char(text[i]);
            }
        }

        /// <summary>Writes a decimal integer.</summary>
        /// <param name="value">The number.</param>
        public void Number(long value)
        {
            if (value < 0)
            {
                Byte((byte)'-');
                if (value == long.MinValue)
                {
                    // -value overflows; write the magnitude's digits without it.
                    Text("9223372036854775808");
                    return;
                }

                value = -value;
            }

            long divisor = 1;
            while (value / divisor >= 10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                Byte((byte)('0' + (int)(value / divisor % 10)));
                divisor /= 10;
            }
        }

        /// <summary>Writes a decimal integer left-padded with zeros to <paramref name="digits"/> digits.</summary>
        /// <param name="value">A non-negative number.</param>
        /// <param name="digits">The least number of digits.</param>
        public void Padded(long value, int digits)
        {
            long limit = 1;
            for (int i = 1; i < digits; i++)
            {
                limit *= 10;
                if (value < limit)
                {
                    Byte((byte)'0');
                }
            }

            Number(value);
        }

        /// <summary>
        /// Writes a JSON string literal (quotes included), escaping quotes, backslashes and control
        /// characters, cut after <paramref name="maxChars"/> characters. Null writes <c>null</c>.
        /// </summary>
        /// <param name="text">The text.</param>
        /// <param name="maxChars">The most characters of <paramref name="text"/> written.</param>
        public void JsonString(string text, int maxChars)
        {
            if (text == null)
            {
                Text("null");
                return;
            }

            Byte((byte)'"');
            int n = text.Length < maxChars ? text.Length : maxChars;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    Byte((byte)'\\');
                    Byte((byte)c);
                }
                else if (c == '\n')
                {
                    Text("\\n");
                }
                else if (c == '\r')
                {
                    Text("\\r");
                }
                else if (c == '\t')
                {
                    Text("\\t");
                }
                else if (c < 0x20)
                {
                    Text("\\u00");
                    Hex(c >> 4);
                    Hex(c & 0xF);
                }
                else
                {
                    Char(c);
                }
            }

            Byte((byte)'"');
        }

        /// <summary>
        /// Writes a Prometheus label value without its quotes: backslash, double quote and line
        /// feed escaped as the text format requires, other control characters dropped, cut after
        /// <paramref name="maxChars"/> characters.
        /// </summary>
        /// <param name="text">The text; null writes nothing.</param>
        /// <param name="maxChars">The most characters of <paramref name="text"/> written.</param>
        public void LabelValue(string text, int maxChars)
        {
            if (text == null)
            {
                return;
            }

            int n = text.Length < maxChars ? text.Length : maxChars;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                if (c == '\\' || c == '"')
                {
                    Byte((byte)'\\');
                    Byte((byte)c);
                }
                else if (c == '\n')
                {
                    Text("\\n");
                }
                else if (c >= 0x20)
                {
                    Char(c);
                }
            }
        }

        /// <summary>Writes the written bytes of another writer.</summary>
        /// <param name="other">The other writer.</param>
        public void Append(ByteWriter other)
        {
            for (int i = 0; i < other.Length; i++)
            {
                Byte(other._buffer[other._start + i]);
            }
        }

        /// <summary>The written bytes as a string (for tests and diagnostics; allocates).</summary>
        /// <returns>The text, decoding UTF-8 of up to three bytes per character.</returns>
        public override string ToString()
        {
            char[] chars = new char[Length];
            int n = 0;
            int i = _start;
            while (i < _position)
            {
                int b = _buffer[i];
                if (b < 0x80)
                {
                    chars[n++] = (char)b;
                    i++;
                }
                else if (b < 0xE0 && i + 1 < _position)
                {
                    chars[n++] = (char)(((b & 0x1F) << 6) | (_buffer[i + 1] & 0x3F));
                    i += 2;
                }
                else if (i + 2 < _position)
                {
                    chars[n++] = (char)(((b & 0x0F) << 12) | ((_buffer[i + 1] & 0x3F) << 6) | (_buffer[i + 2] & 0x3F));
                    i += 3;
                }
                else
                {
                    chars[n++] = '?';
                    i++;
                }
            }

            return new string(chars, 0, n);
        }

        private void Hex(int nibble)
        {
            Byte((byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
        }
    }
}
