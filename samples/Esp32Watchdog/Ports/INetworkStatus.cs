namespace Esp32Watchdog.Ports
{
    /// <summary>Whether the board itself has a working network (Wi-Fi joined, address assigned).</summary>
    public interface INetworkStatus
    {
        /// <summary>True when the board's network is up. Cheap; read every tick.</summary>
        bool IsUp { get; }
    }
}
