using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>
    /// What the client keeps about one command in flight, in the record of the core's slot that
    /// carries it (the core names the slot of every event, so nothing is searched or mirrored).
    /// One per slot, allocated with the client and reused.
    /// </summary>
    internal sealed class CommandRecord
    {
        /// <summary>Signalled when the command ends; blocking callers in pump mode wait on it.</summary>
        internal readonly ManualResetEvent Ended = new ManualResetEvent(false);

        internal int Tag;
        internal bool Active;
        internal ReplyHandler Handler;
        internal RowTable Rows;
        internal ValueRequest Value;
        internal bool Trapped;
        internal bool Truncated;

        internal void Begin(int tag, ReplyHandler handler, RowTable rows, ValueRequest value)
        {
            Tag = tag;
            Handler = handler;
            Rows = rows;
            Value = value;
            Trapped = false;
            Truncated = false;
            Active = true;
            Ended.Reset();
        }

        /// <summary>Whether replies go back to the caller of <see cref="ApiClient.Poll"/>.</summary>
        internal bool IsPolled
        {
            get { return Active && Handler == null && Rows == null && Value == null; }
        }
    }
}
