namespace Mikrotik.Nano
{
    /// <summary>What one reply did to the login exchange (<see cref="LoginExchange.OnReply"/>).</summary>
    internal enum LoginOutcome : byte
    {
        /// <summary>Still under way (a challenge answered, or a trap whose <c>!done</c> is to come).</summary>
        Pending = 0,

        /// <summary>Logged in.</summary>
        Succeeded = 1,

        /// <summary>The router refused the credentials; the connection stays open.</summary>
        Refused = 2,

        /// <summary>The exchange broke (<see cref="LoginExchange.Error"/>); the connection closes.</summary>
        Failed = 3
    }
}
