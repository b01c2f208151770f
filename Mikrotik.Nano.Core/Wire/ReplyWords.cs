namespace Mikrotik.Nano
{
    /// <summary>
    /// The write side of <see cref="Reply"/>: where the words of the sentence being decoded lie in
    /// the receive buffer, its tag and what was dropped. Only <see cref="SentenceDecoder"/> writes
    /// it; <see cref="Reply"/> reads it and offers nothing that changes it.
    /// </summary>
    internal sealed class ReplyWords
    {
        internal readonly int[] Offsets;
        internal readonly int[] Lengths;
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
            Offsets[Count] = relativeOffset;
            Lengths[Count] = length;
            Count++;
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
