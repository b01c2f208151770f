using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// A running command. A small struct (no allocation per command); disposing it while the
    /// command runs cancels it on the router (<c>/cancel =tag=</c>) and stops its replies.
    /// A handle outlives its command safely: once the command has ended, every member says so,
    /// and it can never observe a later command that reuses the same slot.
    /// </summary>
    public struct CommandHandle : IDisposable
    {
        private readonly ClientDriver _client;
        private readonly int _tag;

        internal CommandHandle(ClientDriver client, int tag)
        {
            _client = client;
            _tag = tag;
        }

        /// <summary>The command's tag, as carried by its replies (<see cref="Reply.Tag"/>).</summary>
        public int Tag
        {
            get { return _tag; }
        }

        /// <summary>True until the command's final reply, or its end by timeout, overflow, cancel or connection loss.</summary>
        public bool IsActive
        {
            get { return _client != null && _client.IsCommandActive(_tag); }
        }

        /// <summary>
        /// How the command ended: <see cref="ErrorCode.None"/> while running or after a clean
        /// <c>!done</c>; <see cref="ErrorCode.Trap"/> if the router trapped it; otherwise the
        /// timeout, overflow, handler failure or connection error that ended it. It stays true
        /// after the slot is reused; only once the client's bounded history of abnormal endings
        /// (twice the tag slots, plus 8) has moved past it does it read <see cref="ErrorCode.UnknownTag"/>.
        /// </summary>
        public ErrorCode Error
        {
            get { return _client == null ? ErrorCode.InvalidState : _client.GetCommandError(_tag); }
        }

        /// <summary>Asks the router to stop the command; its remaining replies (normally a trap and <c>!done</c>) still arrive.</summary>
        public void Cancel()
        {
            if (_client != null)
            {
                _client.CancelCommand(_tag, false);
            }
        }

        /// <summary>
        /// Cancels the command if it still runs and stops its replies. Safe to call at any time,
        /// more than once. The command's tag slot stays reserved until the router's final
        /// <c>!done</c> has been read (so a late reply can never reach a newer command): a Send
        /// right after may meet <see cref="ErrorCode.TagTableFull"/> until the client has pumped it.
        /// </summary>
        public void Dispose()
        {
            if (_client != null)
            {
                _client.CancelCommand(_tag, true);
            }
        }
    }
}
