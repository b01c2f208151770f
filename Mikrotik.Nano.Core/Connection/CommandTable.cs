namespace Mikrotik.Nano
{
    /// <summary>
    /// The fixed table of the caller's commands: one slot per command in flight, with its tag, its
    /// deadline and how far its cancel has got. Tags count up for the life of the connection
    /// (reconnects included), so a stale tag never matches a newer command.
    /// </summary>
    /// <remarks>
    /// Slot states:
    /// <code>
    /// Free     --Send-----------------------&gt; Running
    /// Running  --final !done delivered------&gt; Finished  (freed at the next Poll, or taken by a Send)
    /// Running  --Release--------------------&gt; Released  (replies consumed; cancel owed)
    /// Running  --deadline passed------------&gt; TimedOut  (reported by Poll, then Released)
    /// Released --router's !done-------------&gt; Free
    /// any      --connection closed or reset-&gt; Free
    /// </code>
    /// </remarks>
    internal sealed class CommandTable
    {
        private readonly int[] _tags;
        private readonly SlotState[] _states;
        private readonly long[] _deadlines;
        private readonly CancelStep[] _cancels;
        private int _nextTag = 1;

        internal CommandTable(int slots)
        {
            _tags = new int[slots];
            _states = new SlotState[slots];
            _deadlines = new long[slots];
            _cancels = new CancelStep[slots];
        }

        internal int Count
        {
            get { return _tags.Length; }
        }

        /// <summary>A fresh tag: for a command, or for the connection's own sentences.</summary>
        internal int NextTag()
        {
            int tag = _nextTag;
            _nextTag = _nextTag == int.MaxValue ? 1 : _nextTag + 1;
            return tag;
        }

        /// <summary>The slot holding <paramref name="tag"/> (not yet freed), or -1.</summary>
        internal int Find(int tag)
        {
            if (tag <= 0)
            {
                return -1;
            }

            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag && _states[i] != SlotState.Free)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Takes a free slot with a fresh tag, else a finished one (its final reply has been
        /// delivered, and the caller, sending now, has seen it); -1 when every slot is in use.
        /// </summary>
        internal int Allocate(long deadline)
        {
            int slot = FirstIn(SlotState.Free);
            if (slot < 0)
            {
                slot = FirstIn(SlotState.Finished);
                if (slot < 0)
                {
                    return -1;
                }
            }

            _tags[slot] = NextTag();
            _states[slot] = SlotState.Running;
            _deadlines[slot] = deadline;
            _cancels[slot] = CancelStep.None;
            return slot;
        }

        internal int TagOf(int slot)
        {
            return _tags[slot];
        }

        internal SlotState StateOf(int slot)
        {
            return _states[slot];
        }

        internal void SetState(int slot, SlotState state)
        {
            _states[slot] = state;
            if (state == SlotState.Free)
            {
                _cancels[slot] = CancelStep.None;
            }
        }

        internal CancelStep CancelOf(int slot)
        {
            return _cancels[slot];
        }

        internal void SetCancel(int slot, CancelStep step)
        {
            _cancels[slot] = step;
        }

        /// <summary>Marks every running command whose deadline has passed as timed out; true if any did.</summary>
        internal bool ExpireDeadlines(long now)
        {
            bool any = false;
            for (int i = 0; i < _tags.Length; i++)
            {
                if (_states[i] == SlotState.Running && now >= _deadlines[i])
                {
                    _states[i] = SlotState.TimedOut;
                    if (_cancels[i] == CancelStep.None)
                    {
                        _cancels[i] = CancelStep.Owed;
                    }

                    any = true;
                }
            }

            return any;
        }

        /// <summary>The earliest deadline of a running command, or <see cref="ApiConnection.NoDeadline"/>.</summary>
        internal long EarliestDeadline()
        {
            long earliest = ApiConnection.NoDeadline;
            for (int i = 0; i < _tags.Length; i++)
            {
                if (_states[i] == SlotState.Running && _deadlines[i] < earliest)
                {
                    earliest = _deadlines[i];
                }
            }

            return earliest;
        }

        /// <summary>The first slot in <paramref name="state"/>, or -1.</summary>
        internal int FirstIn(SlotState state)
        {
            for (int i = 0; i < _states.Length; i++)
            {
                if (_states[i] == state)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The first slot whose cancel is owed, or -1.</summary>
        internal int FirstCancelOwed()
        {
            for (int i = 0; i < _cancels.Length; i++)
            {
                if (_cancels[i] == CancelStep.Owed && _states[i] != SlotState.Free)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Commands not yet ended by their router's final <c>!done</c> (or the connection's end).</summary>
        internal int CountActive()
        {
            int n = 0;
            for (int i = 0; i < _states.Length; i++)
            {
                if (_states[i] != SlotState.Free && _states[i] != SlotState.Finished)
                {
                    n++;
                }
            }

            return n;
        }

        internal void FreeAll()
        {
            for (int i = 0; i < _states.Length; i++)
            {
                SetState(i, SlotState.Free);
            }
        }
    }
}
