namespace Mikrotik.Nano
{
    /// <summary>One <see cref="ApiClient.ReadString"/> call: the attribute wanted and what came back.</summary>
    internal sealed class ValueRequest
    {
        internal readonly string Attribute;
        internal string Value;
        internal string TrapMessage;
        internal ErrorCode Result;
        internal bool Finished;

        internal ValueRequest(string attribute)
        {
            Attribute = attribute;
        }

        /// <summary>Takes the attribute from the first <c>!re</c> that carries it, else from the <c>!done</c> (<c>=ret=</c>).</summary>
        internal void Offer(Reply reply)
        {
            if (Value == null && reply.FindAttribute(Attribute) >= 0)
            {
                Value = reply.GetString(Attribute);
            }
        }
    }
}
