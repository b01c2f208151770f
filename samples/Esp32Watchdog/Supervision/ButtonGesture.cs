namespace Esp32Watchdog.Supervision
{
    /// <summary>What a completed press of the board's button asks for.</summary>
    public enum ButtonGesture
    {
        /// <summary>Nothing (a bounce, a short tap, a stuck button).</summary>
        None = 0,

        /// <summary>Held for the acknowledge time and released: acknowledge given-up routers.</summary>
        Acknowledge = 1,

        /// <summary>Held for the maintenance time and released: start or end a maintenance hold.</summary>
        Maintenance = 2,
    }
}
