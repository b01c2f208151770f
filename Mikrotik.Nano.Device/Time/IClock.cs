namespace Mikrotik.Nano
{
    /// <summary>
    /// A monotonic millisecond clock. Timeouts, keepalive and back-off are measured with it, so it
    /// must never jump: a wall clock that SNTP sets at boot would fire every timeout at once.
    /// </summary>
    /// <remarks>
    /// Tests drive time explicitly with a manual implementation; the device and the host use
    /// <see cref="SystemClock"/>.
    /// </remarks>
    public interface IClock
    {
        /// <summary>Milliseconds elapsed since an arbitrary, fixed origin.</summary>
        long NowMilliseconds { get; }
    }
}
