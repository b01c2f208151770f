namespace Esp32Watchdog.Ports
{
    /// <summary>Where decisions go: a serial console, a ring buffer, a test's list.</summary>
    public interface IDecisionLog
    {
        /// <summary>Records one decision. Must not throw; called on the watchdog's loop.</summary>
        /// <param name="decision">The decision.</param>
        void Record(Decision decision);
    }
}
