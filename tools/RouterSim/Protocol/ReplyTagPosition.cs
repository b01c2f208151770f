namespace RouterSim;

/// <summary>Where the <c>.tag=</c> word goes in a reply sentence.</summary>
public enum ReplyTagPosition
{
    /// <summary>Right after the reply word, as routers do (<c>!re .tag=7 =name=x</c>; captures in
    /// librouteros' docs/api_analysis.rst).</summary>
    AfterReplyWord,

    /// <summary>Last word of the sentence (<c>!re =name=x .tag=7</c>): the order is not guaranteed by
    /// the manual, so clients can be tested against it.</summary>
    Last,
}
