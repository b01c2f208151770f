namespace Esp32Watchdog.Ports
{
    /// <summary>What the status LED shows, worst condition first in precedence.</summary>
    public enum LedPattern
    {
        /// <summary>Every router healthy: a short blink every few seconds.</summary>
        Healthy = 0,

        /// <summary>A router under maintenance hold: slow even blink.</summary>
        Maintenance = 1,

        /// <summary>Something wrong, not (yet) acting: double blink.</summary>
        Degraded = 2,

        /// <summary>A reboot or power-cycle under way: fast blink.</summary>
        Acting = 3,

        /// <summary>The board's own network is down: long on, short off.</summary>
        NoNetwork = 4,

        /// <summary>Given up, a human is needed: steady on.</summary>
        GivenUp = 5,
    }
}
