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
        private readonly ReplyWords _w;

        internal Reply(ReplyWords words, ITextDecoder decoder)
        {
            _w = words;
            _decoder = decoder;
        }

        /// <summary>The reply word: data, done, trap, empty, fatal or unknown.</summary>
        public ReplyType Type
        {
            get { return _w.Type; }
        }

        /// <summary>The command tag the reply carries, or -1 when it has none (or a tag this client never issues).</summary>
        public int Tag
        {
            get { return _w.Tag; }
        }

        /// <summary>
        /// True when words were dropped: a word larger than the receive buffer, or more words than
        /// <see cref="ConnectionOptions.MaxWordsPerSentence"/>. The stream stayed in sync.
        /// </summary>
        public bool IsTruncated
        {
            get { return DroppedWordCount > 0; }
        }

        /// <summary>How many words were dropped from this reply.</summary>
        public int DroppedWordCount
        {
            get { return _w.Dropped; }
        }

        /// <summary>The words held, the reply word included (the <c>.tag</c> word excluded).</summary>
        public int WordCount
        {
            get { return _w.Count; }
        }

        /// <summary>The buffer the words are in; see <see cref="GetWordOffset"/>.</summary>
        public byte[] Buffer
        {
            get { return _w.Buffer; }
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
            return _w.Base + _w.Offsets[index];
        }

        /// <summary>The length in bytes of word <paramref name="index"/>.</summary>
        /// <param name="index">0 is the reply word.</param>
        /// <returns>The length in bytes.</returns>
        public int GetWordLength(int index)
        {
            CheckIndex(index);
            return _w.Lengths[index];
        }

        /// <summary>Whether word <paramref name="index"/> is exactly <paramref name="text"/> (UTF-8).</summary>
        /// <param name="index">The word.</param>
        /// <param name="text">The text to compare with.</param>
        /// <returns>True when equal.</returns>
        public bool WordEquals(int index, string text)
        {
            CheckIndex(index);
            return Utf8.BytesEqual(_w.Buffer, _w.Base + _w.Offsets[index], _w.Lengths[index], text);
        }

        /// <summary>Word <paramref name="index"/> as a new string (allocates).</summary>
        /// <param name="index">The word; for <c>!fatal</c>, 1 is the reason.</param>
        /// <returns>The decoded word.</returns>
        public string GetWordString(int index)
        {
            CheckIndex(index);
            return _decoder.Decode(_w.Buffer, _w.Base + _w.Offsets[index], _w.Lengths[index]);
        }

        /// <summary>
        /// The word index of attribute <paramref name="name"/> (<c>=name=value</c> or <c>=name</c>),
        /// or -1 when the reply does not carry it. Order of attributes is not relied on.
        /// </summary>
        /// <param name="name">The attribute name, e.g. <c>cpu-load</c> or <c>.id</c>.</param>
        /// <returns>The word index, or -1.</returns>
        public int FindAttribute(string name)
        {
            // Locals: this loop runs for every attribute read, so the view's arrays are read once.
            // The decoder recorded where each value starts, so a word whose name has another
            // length is passed over without reading its bytes.
            int nameLength = name.Length;
            int count = _w.Count;
            int[] lengths = _w.Lengths;
            int[] offsets = _w.Offsets;
            int[] valueStarts = _w.ValueStarts;
            byte[] buffer = _w.Buffer;
            int sentenceBase = _w.Base;
            for (int w = 1; w < count; w++)
            {
                int valueStart = valueStarts[w];
                if (valueStart != nameLength + 2 && (valueStart != nameLength + 1 || lengths[w] != valueStart))
                {
                    continue;
                }

                int start = sentenceBase + offsets[w];
                if (buffer[start] != '=')
                {
                    continue;
                }

                int i = 0;
                while (i < nameLength && buffer[start + 1 + i] == name[i])
                {
                    i++;
                }

                if (i == nameLength)
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
            return _w.ValueOffset(index);
        }

        /// <summary>The length in bytes of the value of the attribute in word <paramref name="index"/>.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <returns>The value length (0 for <c>=name=</c> and <c>=name</c>).</returns>
        public int GetValueLength(int index)
        {
            CheckIndex(index);
            return _w.ValueLength(index);
        }

        // --- Values by word index (from FindAttribute) ------------------------------------------

        /// <summary>Whether the value of the attribute in word <paramref name="index"/> is exactly <paramref name="value"/> (UTF-8).</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <param name="value">The expected value.</param>
        /// <returns>True when equal.</returns>
        public bool AttributeEquals(int index, string value)
        {
            CheckIndex(index);
            return ByteText.EqualsText(_w.Buffer, _w.ValueOffset(index), _w.ValueLength(index), value);
        }

        /// <summary>Parses the value of the attribute in word <paramref name="index"/> as a decimal 64-bit integer.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when empty, not decimal, or out of range.</returns>
        public bool TryGetInt64(int index, out long value)
        {
            CheckIndex(index);
            return ByteText.TryParseInt64(_w.Buffer, _w.ValueOffset(index), _w.ValueLength(index), out value);
        }

        /// <summary>Parses the value of the attribute in word <paramref name="index"/> as a decimal 32-bit integer.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when empty, not decimal, or out of range.</returns>
        public bool TryGetInt32(int index, out int value)
        {
            long wide;
            if (TryGetInt64(index, out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>Parses the value of the attribute in word <paramref name="index"/> as a RouterOS duration.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <param name="value">The duration, when the method returns true.</param>
        /// <returns>False when not a duration (see <see cref="RouterOsValue.TryParseDuration"/>).</returns>
        public bool TryGetDuration(int index, out TimeSpan value)
        {
            CheckIndex(index);
            return RouterOsValue.TryParseDuration(_w.Buffer, _w.ValueOffset(index), _w.ValueLength(index), out value);
        }

        /// <summary>Parses the value of the attribute in word <paramref name="index"/> as a RouterOS boolean.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when none of <c>true</c>, <c>yes</c>, <c>false</c>, <c>no</c>.</returns>
        public bool TryGetBool(int index, out bool value)
        {
            CheckIndex(index);
            return RouterOsValue.TryParseBool(_w.Buffer, _w.ValueOffset(index), _w.ValueLength(index), out value);
        }

        /// <summary>Copies the value of the attribute in word <paramref name="index"/> into the caller's buffer, up to <paramref name="count"/> bytes.</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <param name="destination">The caller's buffer.</param>
        /// <param name="offset">Where to write.</param>
        /// <param name="count">The room available.</param>
        /// <returns>The full value length (more than <paramref name="count"/> means it was cut).</returns>
        public int CopyValue(int index, byte[] destination, int offset, int count)
        {
            CheckIndex(index);
            int length = _w.ValueLength(index);
            Array.Copy(_w.Buffer, _w.ValueOffset(index), destination, offset, length < count ? length : count);
            return length;
        }

        /// <summary>The value of the attribute in word <paramref name="index"/> as a new string (allocates).</summary>
        /// <param name="index">A word index from <see cref="FindAttribute"/>.</param>
        /// <returns>The decoded value.</returns>
        public string GetString(int index)
        {
            CheckIndex(index);
            return _decoder.Decode(_w.Buffer, _w.ValueOffset(index), _w.ValueLength(index));
        }

        // --- Values by attribute name -----------------------------------------------------------

        /// <summary>Whether attribute <paramref name="name"/> is present with exactly <paramref name="value"/> (UTF-8).</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The expected value.</param>
        /// <returns>True when present and equal.</returns>
        public bool AttributeEquals(string name, string value)
        {
            int w = FindAttribute(name);
            return w >= 0 && AttributeEquals(w, value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a decimal 64-bit integer.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent, empty, not decimal, or out of range.</returns>
        public bool TryGetInt64(string name, out long value)
        {
            value = 0;
            int w = FindAttribute(name);
            return w >= 0 && TryGetInt64(w, out value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a decimal 32-bit integer.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent, empty, not decimal, or out of range.</returns>
        public bool TryGetInt32(string name, out int value)
        {
            value = 0;
            int w = FindAttribute(name);
            return w >= 0 && TryGetInt32(w, out value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a RouterOS duration (<c>3d4h7m46s</c>, <c>00:05:00</c>, <c>217us</c>).</summary>
        /// <param name="name">The attribute name, e.g. <c>uptime</c>.</param>
        /// <param name="value">The duration, when the method returns true.</param>
        /// <returns>False when absent or not a duration (see <see cref="RouterOsValue.TryParseDuration"/>).</returns>
        public bool TryGetDuration(string name, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            int w = FindAttribute(name);
            return w >= 0 && TryGetDuration(w, out value);
        }

        /// <summary>Parses attribute <paramref name="name"/> as a RouterOS boolean (<c>true</c>/<c>yes</c>, <c>false</c>/<c>no</c>).</summary>
        /// <param name="name">The attribute name, e.g. <c>running</c>.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent or none of the four words.</returns>
        public bool TryGetBool(string name, out bool value)
        {
            value = false;
            int w = FindAttribute(name);
            return w >= 0 && TryGetBool(w, out value);
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
            return w < 0 ? -1 : CopyValue(w, destination, offset, count);
        }

        /// <summary>The value of attribute <paramref name="name"/> as a new string (allocates), or null when absent.</summary>
        /// <param name="name">The attribute name, e.g. <c>message</c> or <c>ret</c>.</param>
        /// <returns>The decoded value, or null.</returns>
        public string GetString(string name)
        {
            int w = FindAttribute(name);
            return w < 0 ? null : GetString(w);
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _w.Count)
            {
                throw new ArgumentOutOfRangeException("index");
            }
        }
    }
}
