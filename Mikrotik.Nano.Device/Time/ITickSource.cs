namespace Mikrotik.Nano
{
    /// <summary>
    /// The board's monotonic tick count in milliseconds (nanoFramework:
    /// <c>System.Environment.TickCount64</c> from nanoFramework.Runtime.Native). It keeps counting
    /// while the runtime is stalled in native code and is never set by SNTP.
    /// </summary>
    public interface ITickSource
    {
        /// <summary>Milliseconds since the board started.</summary>
        long TickMilliseconds { get; }
    }
}
