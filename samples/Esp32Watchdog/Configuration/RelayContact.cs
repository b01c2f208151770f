namespace Esp32Watchdog.Configuration
{
    /// <summary>Which relay contact the router's supply goes through. Must be set when a relay is wired.</summary>
    public enum RelayContact
    {
        /// <summary>Not set: the configuration check refuses to start.</summary>
        NotSet = 0,

        /// <summary>
        /// Normally closed (recommended): the router is powered while the relay rests, so a dead,
        /// resetting or unflashed board leaves it powered. Energised only to cut the power.
        /// </summary>
        NormallyClosed = 1,

        /// <summary>
        /// Normally open: the relay must be held energised to power the router, so the router loses
        /// power whenever the board does (including every board reset). Only when NC is unavailable.
        /// </summary>
        NormallyOpen = 2,
    }
}
