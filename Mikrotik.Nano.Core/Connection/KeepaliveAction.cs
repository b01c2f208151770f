namespace Mikrotik.Nano
{
    /// <summary>What the time calls for on a logged-in connection (<see cref="Keepalive.OnTime"/>).</summary>
    internal enum KeepaliveAction : byte
    {
        /// <summary>Nothing yet.</summary>
        None = 0,

        /// <summary>The connection has been idle long enough: send a probe.</summary>
        Probe = 1,

        /// <summary>Nothing arrived in time: the connection is dead.</summary>
        Dead = 2
    }
}
