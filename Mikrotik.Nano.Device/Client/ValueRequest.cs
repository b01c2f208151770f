namespace Mikrotik.Nano
{
    /// <summary>One <see cref="ApiClient.ReadString"/> call: the attribute wanted and what came back.</summary>
    internal sealed class ValueRequest : ICommandSink
    {
        internal readonly string Attribute;
        internal string Value;
        internal string TrapMessage;
        internal ErrorCode Result;
        internal bool Finished;
        private bool _trapped;
        private bool _truncated;

        internal ValueRequest(string attribute)
        {
            Attribute = attribute;
        }

        /// <summary>Takes the attribute from the first <c>!re</c> that carries it, else from the <c>!done</c> (<c>=ret=</c>).</summary>
        public ErrorCode OnReply(Reply reply)
        {
            ReplyType type = reply.Type;
            _truncated = _truncated || reply.IsTruncated;
            if (type == ReplyType.Trap)
            {
                _trapped = true;
                if (TrapMessage == null)
                {
                    TrapMessage = reply.GetString("message");
                }
            }
            else if ((type == ReplyType.Data || type == ReplyType.Done) && Value == null && reply.FindAttribute(Attribute) >= 0)
            {
                Value = reply.GetString(Attribute);
            }

            return type != ReplyType.Done ? ErrorCode.None : _trapped ? ErrorCode.Trap : _truncated ? ErrorCode.Truncated : ErrorCode.None;
        }

        public void OnEnd(ErrorCode outcome, bool unannounced)
        {
            Result = outcome;
            Finished = true;
        }
    }
}
