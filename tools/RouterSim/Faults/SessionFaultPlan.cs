namespace RouterSim;

/// <summary>A fault given to one connection: <see cref="Kind"/> after <see cref="AfterReplies"/>
/// reply sentences (counting the login's replies).</summary>
/// <param name="Kind">What happens.</param>
/// <param name="AfterReplies">Reply sentences written normally before the fault.</param>
public sealed record SessionFaultPlan(SessionFault Kind, int AfterReplies);
