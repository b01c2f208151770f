namespace Mikrotik.Nano
{
    /// <summary>
    /// The fixed table of command slots. Each running command owns a slot and a tag; a slot is
    /// freed only by the command's final <c>!done</c> (or the connection's death), so a late reply
    /// can never reach a newer command. The last slot is the connection's own (login, cancel).
    /// </summary>
    internal sealed class TagTable
    {
        internal const byte Free = 0;
        internal const byte Running = 1;
        internal const byte Cancelling = 2;
        internal const byte Released = 3;

        private readonly int[] _tags;
        private readonly byte[] _states;
        private readonly bool[] _cancelPending;
        private int _nextTag = 1;

        internal TagTable(int userSlots)
        {
            _tags = new int[userSlots + 1];
            _states = new byte[userSlots + 1];
            _cancelPending = new bool[userSlots + 1];
        }

        /// <summary>The slot kept for the connection's own commands.</summary>
        internal int InternalSlot
        {
            get { return _tags.Length - 1; }
        }

        internal int UserSlots
        {
            get { return _tags.Length - 1; }
        }

        internal int Find(int tag)
        {
            if (tag <= 0)
            {
                return -1;
            }

            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag && _states[i] != Free)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Takes a free user slot with a fresh tag; -1 when all are taken.</summary>
        internal int AllocateUser()
        {
            for (int i = 0; i < UserSlots; i++)
            {
                if (_states[i] == Free)
                {
                    Occupy(i);
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Gives <paramref name="slot"/> a fresh tag and marks it running.</summary>
        internal void Occupy(int slot)
        {
            int tag;
            do
            {
                tag = _nextTag;
                _nextTag = _nextTag == int.MaxValue ? 1 : _nextTag + 1;
            }
            while (Find(tag) >= 0);

            _tags[slot] = tag;
            _states[slot] = Running;
            _cancelPending[slot] = false;
        }

        internal int TagOf(int slot)
        {
            return _tags[slot];
        }

        internal byte StateOf(int slot)
        {
            return _states[slot];
        }

        internal void SetState(int slot, byte state)
        {
            _states[slot] = state;
        }

        internal bool IsCancelPending(int slot)
        {
            return _cancelPending[slot];
        }

        internal void SetCancelPending(int slot, bool pending)
        {
            _cancelPending[slot] = pending;
        }

        internal void Release(int slot)
        {
            _states[slot] = Free;
            _cancelPending[slot] = false;
        }

        internal void ReleaseAll()
        {
            for (int i = 0; i < _states.Length; i++)
            {
                Release(i);
            }
        }

        internal int CountInUse()
        {
            int n = 0;
            for (int i = 0; i < UserSlots; i++)
            {
                if (_states[i] != Free)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
