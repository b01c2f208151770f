using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// The sink of a command sent with a <see cref="ReplyHandler"/>: passes each reply on, and a
    /// final null when the command ended unannounced. One per slot, allocated with the client.
    /// </summary>
    internal sealed class HandlerSink : ICommandSink
    {
        private readonly ClientDriver _driver;
        private ReplyHandler _handler;
        private int _tag;
        private bool _trapped;

        internal HandlerSink(ClientDriver driver)
        {
            _driver = driver;
        }

        internal void Begin(int tag, ReplyHandler handler)
        {
            _tag = tag;
            _handler = handler;
            _trapped = false;
        }

        public ErrorCode OnReply(Reply reply)
        {
            ReplyType type = reply.Type;
            if (type == ReplyType.Trap)
            {
                _trapped = true;
            }

            try
            {
                _handler(new CommandHandle(_driver, _tag), reply);
            }
            catch (Exception)
            {
                // A faulty handler must not take the pump down; its command is stopped instead.
                return ErrorCode.HandlerFailed;
            }

            // A handler reads IsTruncated itself: truncation is no outcome of its command.
            return type == ReplyType.Done && _trapped ? ErrorCode.Trap : ErrorCode.None;
        }

        public void OnEnd(ErrorCode outcome, bool unannounced)
        {
            ReplyHandler handler = _handler;
            _handler = null;
            if (!unannounced)
            {
                return;
            }

            try
            {
                handler(new CommandHandle(_driver, _tag), null);
            }
            catch (Exception)
            {
                // The command has ended either way.
            }
        }
    }
}
