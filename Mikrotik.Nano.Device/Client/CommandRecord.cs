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

        /// <summary>This slot's adapter for a command sent with a handler (reused, never reallocated).</summary>
        internal readonly HandlerSink Handler;

        internal int Tag;
        internal bool Active;

        /// <summary>Where the replies go; null for a polled command.</summary>
        internal ICommandSink Sink;

        /// <summary>A polled command's trap, so its <c>!done</c> ends it with <see cref="ErrorCode.Trap"/>.</summary>
        internal bool Trapped;

        internal CommandRecord(ClientDriver driver)
        {
            Handler = new HandlerSink(driver);
        }

        internal void Begin(int tag, ICommandSink sink)
        {
            Tag = tag;
            Sink = sink;
            Trapped = false;
            Active = true;
            Ended.Reset();
        }

        /// <summary>Whether replies go back to the caller of <see cref="ApiClient.Poll"/>.</summary>
        internal bool IsPolled
        {
            get { return Active && Sink == null; }
        }
    }
}
