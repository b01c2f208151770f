namespace Esp32Watchdog.Ports
{
    /// <summary>The relay that cuts one router's power.</summary>
    public interface IPowerRelay
    {
        /// <summary>Switches the power off, waits, and switches it on again. Blocking.</summary>
        /// <param name="offMilliseconds">How long the power stays off.</param>
        void PowerCycle(int offMilliseconds);
    }
}
