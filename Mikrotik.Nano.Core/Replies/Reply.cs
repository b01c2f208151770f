using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// A view of one reply sentence, read in place from the connection's receive buffer. There is
    /// one per connection, reused for every reply: it is valid until the next call to
    /// <see cref="ApiConnection.Poll"/> or <see cref="ApiConnection.PrepareReceive"/>.
    /// </summary>
    /// <remarks>
    /// Lookups, comparisons, integer parsing and copying never allocate. Only the methods that
    /// return a string do, through the connection's <see cref="ITextDecoder"/>. Attribute names
    /// are compared as ASCII.
    /// </remarks>
    public sealed class Reply
    {
        private readonly ITextDecoder _decoder;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private byte[] _buffer;
        private int _base;
        private int _count;

        internal Reply(int maxWords, ITextDecoder decoder)
        {
            _offsets = new int[maxWords];
            _lengths = new int[maxWords];
            _decoder = decoder;
        }

        /// <summary>The reply word: data, done, trap, empty, fatal or unknown.</summary>
        public ReplyType Type { get; private set; }

        /// <summary>The command tag the reply carries, or -1 when it has none (or a tag this client never issues).</summary>
        public int Tag { get; private set; }

        /// <summary>
        /// True when words were dropped: a word larger than the receive buffer, or more words than
        /// <see cref="ConnectionOptions.MaxWordsPerSentence"/>. The stream stayed in sync.
        /// </summary>
        public bool IsTruncated
        {
            get { return DroppedWordCount > 0; }
        }

        /// <summary>How many words were dropped from this reply.</summary>
        public int DroppedWordCount { get; private set; }

        /// <summary>The words held, the reply word included (the <c>.tag</c> word excluded).</summary>
        public int WordCount
        {
            get { return _count; }
        }

        /// <summary>The buffer the words are in; see <see cref="GetWordOffset"/>.</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>The <c>=category=</c> of a trap, or -1 when there is none.</summary>
        public int Category
        {
            get
            {
                int value;
                return TryGetInt32("category", out value) ? value : -1;
            }
        }

        /// <summary>Where word <paramref name="index"/> starts in <see cref="Buffer"/>.</summary>
        /// <param name="index">0 is the reply word.</param>
        /// <returns>An offset into <see cref="Buffer"/>.</returns>
        public int GetWordOffset(int index)
        {
            CheckIndex(index);
            return _base + _offsets[index];
        }

        /// <summary>The length in bytes of word <paramref name="index"/>.</summary>
        /// <param name="index">0 is the reply word.</param>
        /// <returns>The length in bytes.</returns>
        public int GetWordLength(int index)
        {
            CheckIndex(index);
            return _lengths[index];
        }

        /// <summary>Whether word <paramref name="index"/> is exactly <paramref name="text"/> (UTF-8).</summary>
        /// <param name="index">The word.</param>
        /// <param name="text">The text to compare with.</param>
        /// <returns>True when equal.</returns>
        public bool WordEquals(int index, string text)
        {
            CheckIndex(index);
            return Utf8.BytesEqual(_buffer, _base + _offsets[index], _lengths[index], text);
        }

        /// <summary>Word <paramref name="index"/> as a new string (allocates).</summary>
        /// <param name="index">The word; for <c>!fatal</c>, 1 is the reason.</param>
        /// <returns>The decoded word.</returns>
        public string GetWordString(int index)
        {
            CheckIndex(index);
            return _decoder.Decode(_buffer, _base + _offsets[index], _lengths[index]);
        }

        /// <summary>
        /// The word index of attribute <paramref name="name"/> (<c>=name=value</c> or <c>=name</c>),
        /// or -1 when the reply does not carry it. Order of attributes is not relied on.
        /// </summary>
        /// <param name="name">The attribute name, e.g. <c>cpu-load</c> or <c>.id</c>.</param>
        /// <returns>The word index, or -1.</returns>
        public int FindAttribute(string name)
        {
            int nameLength = name.Length;
            for (int w = 1; w < _count; w++)
            {
                int length = _lengths[w];
                if (length < nameLength + 1)
                {
                    continue;
                }

                int start = _base + _offsets[w];
                if (_buffer[start] != '=')
                {
                    continue;
                }

                int i = 0;
                while (i < nameLength && _buffer[start + 1 + i] == name[i])
                {
                    i++;
                }

                if (i == nameLength && (length == nameLength + 1 || _buffer[start + 1 + nameLength] == '='))
                {
                    return w;
                }
            }

            return -1;
        }

        /// <summary>Whether the reply carries attribute <paramref name="name"/>.</summary>
        /// <param name="name">The attribute name.</param>
        /// <returns>True when present (even with an empty value).</returns>
        public bool HasAttribute(string name)
        {
            return FindAttribute(name) >= 0;
        }

        /// <summary>Where the value of the attribute in word <paramref name="index"/> starts in <see cref="Buffer"/>.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <returns>An offset into <see cref="Buffer"/>.</returns>
        public int GetValueOffset(int index)
        {
            CheckIndex(index);
            int start = _base + _offsets[index];
            int end = start + _lengths[index];
            for (int i = start + 1; i < end; i++)
            {
                if (_buffer[i] == '=')
                {
                    return i + 1;
                }
            }

            return end;
        }

        /// <summary>The length in bytes of the value of the attribute in word <paramref name="index"/>.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <returns>The value length (0 for <c>=name=</c> and <c>=name</c>).</returns>
        public int GetValueLength(int index)
        {
            return _base + _offsets[index] + _lengths[index] - GetValueOffset(index);
        }

        /// <summary>Whether attribute <paramref name="name"/> is present with exactly <paramref name="value"/> (UTF-8).</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The expected value.</param>
        /// <returns>True when present and equal.</returns>
        public bool AttributeEquals(string name, string value)
        {
            int w = FindAttribute(name);
            if (w < 0)
            {
                return false;
            }

            int offset = GetValueOffset(w);
            return ByteText.EqualsText(_buffer, offset, _base + _offsets[w] + _lengths[w] - offset, value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a decimal 64-bit integer.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent, empty, not decimal, or out of range.</returns>
        public bool TryGetInt64(string name, out long value)
        {
            value = 0;
            int w = FindAttribute(name);
            if (w < 0)
            {
                return false;
            }

            int start = GetValueOffset(w);
            return ByteText.TryParseInt64(_buffer, start, _base + _offsets[w] + _lengths[w] - start, out value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a decimal 32-bit integer.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent, empty, not decimal, or out of range.</returns>
        public bool TryGetInt32(string name, out int value)
        {
            long wide;
            if (TryGetInt64(name, out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>
        /// Copies the value of attribute <paramref name="name"/> into the caller's buffer, up to
        /// <paramref name="count"/> bytes.
        /// </summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="destination">The caller's buffer.</param>
        /// <param name="offset">Where to write.</param>
        /// <param name="count">The room available.</param>
        /// <returns>The full value length (more than <paramref name="count"/> means it was cut), or -1 when absent.</returns>
        public int CopyValue(string name, byte[] destination, int offset, int count)
        {
            int w = FindAttribute(name);
            if (w < 0)
            {
                return -1;
            }

            int start = GetValueOffset(w);
            int length = _base + _offsets[w] + _lengths[w] - start;
            Array.Copy(_buffer, start, destination, offset, length < count ? length : count);
            return length;
        }

        /// <summary>The value of attribute <paramref name="name"/> as a new string (allocates), or null when absent.</summary>
        /// <param name="name">The attribute name, e.g. <c>message</c> or <c>ret</c>.</param>
        /// <returns>The decoded value, or null.</returns>
        public string GetString(string name)
        {
            int w = FindAttribute(name);
            if (w < 0)
            {
                return null;
            }

            int start = GetValueOffset(w);
            return _decoder.Decode(_buffer, start, _base + _offsets[w] + _lengths[w] - start);
        }

        // --- Filled by the decoder -------------------------------------------------------

        internal int Capacity
        {
            get { return _offsets.Length; }
        }

        internal void Reset(byte[] buffer, int sentenceBase)
        {
            _buffer = buffer;
            _base = sentenceBase;
            _count = 0;
            DroppedWordCount = 0;
            Tag = -1;
            Type = ReplyType.None;
        }

        internal void Rebase(int sentenceBase)
        {
            _base = sentenceBase;
        }

        internal void AddWord(int relativeOffset, int length)
        {
            _offsets[_count] = relativeOffset;
            _lengths[_count] = length;
            _count++;
        }

        internal void DropWord()
        {
            DroppedWordCount++;
        }

        internal void SetTag(int tag)
        {
            Tag = tag;
        }

        internal void Complete(bool hasReplyWord)
        {
            Type = hasReplyWord && _count > 0 ? ClassifyReplyWord() : ReplyType.Unknown;
        }

        private ReplyType ClassifyReplyWord()
        {
            if (WordEquals(0, "!re")) return ReplyType.Data;
            if (WordEquals(0, "!done")) return ReplyType.Done;
            if (WordEquals(0, "!trap")) return ReplyType.Trap;
            if (WordEquals(0, "!empty")) return ReplyType.Empty;
            if (WordEquals(0, "!fatal")) return ReplyType.Fatal;
            return ReplyType.Unknown;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
        }

        // --- Typed values (RouterOsValue by attribute name) -------------------------------------

        /// <summary>Parses attribute <paramref name="name"/> as a RouterOS duration (<c>3d4h7m46s</c>, <c>00:05:00</c>, <c>217us</c>).</summary>
        /// <param name="name">The attribute name, e.g. <c>uptime</c>.</param>
        /// <param name="value">The duration, when the method returns true.</param>
        /// <returns>False when absent or not a duration (see <see cref="RouterOsValue.TryParseDuration"/>).</returns>
        public bool TryGetDuration(string name, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            int w = FindAttribute(name);
            return w >= 0 && RouterOsValue.TryParseDuration(_buffer, GetValueOffset(w), GetValueLength(w), out value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a RouterOS boolean (<c>true</c>/<c>yes</c>, <c>false</c>/<c>no</c>).</summary>
        /// <param name="name">The attribute name, e.g. <c>running</c>.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent or none of the four words.</returns>
        public bool TryGetBool(string name, out bool value)
        {
            value = false;
            int w = FindAttribute(name);
            return w >= 0 && RouterOsValue.TryParseBool(_buffer, GetValueOffset(w), GetValueLength(w), out value);
        }
    }
}
