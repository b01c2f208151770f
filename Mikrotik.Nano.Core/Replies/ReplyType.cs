namespace Mikrotik.Nano
{
    /// <summary>The reply word that opens a sentence from the router.</summary>
    public enum ReplyType
    {
        /// <summary>No reply is held.</summary>
        None = 0,

        /// <summary><c>!re</c>: a row of data.</summary>
        Data = 1,

        /// <summary><c>!done</c>: the command has finished (may carry <c>=ret=</c>).</summary>
        Done = 2,

        /// <summary><c>!trap</c>: an error (<c>=message=</c>, optional <c>=category=</c>); a <c>!done</c> follows.</summary>
        Trap = 3,

        /// <summary><c>!empty</c> (RouterOS 7.18+): nothing to return; a <c>!done</c> follows.</summary>
        Empty = 4,

        /// <summary><c>!fatal</c>: the router closes the connection; the second word is the reason.</summary>
        Fatal = 5,

        /// <summary>A reply word this client does not know; delivered as is, never a crash.</summary>
        Unknown = 6
    }
}
