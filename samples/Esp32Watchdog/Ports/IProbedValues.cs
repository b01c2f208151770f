namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// The values one probe round got, read-only, by the slots a <see cref="ProbeRequest"/> gave
    /// out. What health checks judge and what the status shows. Unknown values are -1.
    /// </summary>
    public interface IProbedValues
    {
        /// <summary>True when the API answered and the login succeeded.</summary>
        bool ApiReachable { get; }

        /// <summary>A numeric resource value (e.g. <c>free-memory</c> in bytes), or -1 when unknown.</summary>
        /// <param name="slot">A slot from <see cref="ProbeRequest.AddResource"/>.</param>
        /// <returns>The value or -1.</returns>
        long Resource(int slot);

        /// <summary>Whether an interface is running: 1 running, 0 not running, disabled or missing, -1 unknown.</summary>
        /// <param name="slot">A slot from <see cref="ProbeRequest.AddInterface"/>.</param>
        /// <returns>1, 0 or -1.</returns>
        int InterfaceRunning(int slot);

        /// <summary>The packet loss to a ping target, 0..100, or -1 when unknown.</summary>
        /// <param name="slot">A slot from <see cref="ProbeRequest.AddPingTarget"/>.</param>
        /// <returns>0..100 or -1.</returns>
        int PingLoss(int slot);
    }
}
