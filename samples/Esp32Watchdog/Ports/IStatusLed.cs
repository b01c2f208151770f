namespace Esp32Watchdog.Ports
{
    /// <summary>The status LED. The implementation blinks on its own; it is told only about changes.</summary>
    public interface IStatusLed
    {
        /// <summary>Shows a pattern until told otherwise. Must not block.</summary>
        /// <param name="pattern">The pattern.</param>
        void Show(LedPattern pattern);
    }
}
