namespace Mikrotik.Nano
{
    /// <summary>
    /// The write side of <see cref="Reply"/>: where the words of the sentence being decoded lie in
    /// the receive buffer, where each word's value starts, its tag and what was dropped. Only
    /// <see cref="SentenceDecoder"/> writes it; <see cref="Reply"/> reads it and offers nothing
    /// that changes it.
    /// </summary>
    /// <remarks>
    /// A word's value starts after its first <c>=</c> past the first byte (<c>=name=value</c>);
    /// a word with none has an empty value at its end. It is found once, as the word is recorded,
    /// so every lookup and getter reads it instead of scanning again.
    /// </remarks>
    internal sealed class ReplyWords
    {
        internal readonly int[] Offsets;
        internal readonly int[] Lengths;

        /// <summary>Where each word's value starts, counted from the word's first byte (its length when it has no value).</summary>
        internal readonly int[] ValueStarts;
        internal byte[] Buffer;
        internal int Base;
        internal int Count;
        internal int Dropped;
        internal int Tag;
        internal ReplyType Type;

        internal ReplyWords(int maxWords)
        {
            Offsets = new int[maxWords];
            Lengths = new int[maxWords];
            ValueStarts = new int[maxWords];
        }

        internal int Capacity
        {
            get { return Offsets.Length; }
        }

        internal void Reset(byte[] buffer, int sentenceBase)
        {
            Buffer = buffer;
            Base = sentenceBase;
            Count = 0;
            Dropped = 0;
            Tag = -1;
            Type = ReplyType.None;
        }

        internal void Add(int relativeOffset, int length)
        {
            byte[] buffer = Buffer;
            int at = Base + relativeOffset;
            int value = length;
            for (int i = 1; i < length; i++)
            {
                if (buffer[at + i] == '=')
                {
                    value = i + 1;
                    break;
                }
            }

            Offsets[Count] = relativeOffset;
            Lengths[Count] = length;
            ValueStarts[Count] = value;
            Count++;
        }

        /// <summary>Where word <paramref name="w"/>'s value starts in <see cref="Buffer"/>.</summary>
        internal int ValueOffset(int w)
        {
            return Base + Offsets[w] + ValueStarts[w];
        }

        /// <summary>The length of word <paramref name="w"/>'s value.</summary>
        internal int ValueLength(int w)
        {
            return Lengths[w] - ValueStarts[w];
        }

        /// <summary>Classifies the first word once the terminator has arrived.</summary>
        internal void Complete(bool hasReplyWord)
        {
            Type = ReplyType.Unknown;
            if (!hasReplyWord || Count == 0)
            {
                return;
            }

            int at = Base + Offsets[0];
            int length = Lengths[0];
            if (Is(at, length, "!re")) Type = ReplyType.Data;
            else if (Is(at, length, "!done")) Type = ReplyType.Done;
            else if (Is(at, length, "!trap")) Type = ReplyType.Trap;
            else if (Is(at, length, "!empty")) Type = ReplyType.Empty;
            else if (Is(at, length, "!fatal")) Type = ReplyType.Fatal;
        }

        private bool Is(int at, int length, string word)
        {
            if (length != word.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (Buffer[at + i] != word[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
