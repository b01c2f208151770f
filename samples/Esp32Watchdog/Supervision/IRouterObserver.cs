namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Sees every router after each of its rounds and after every change the supervisor makes
    /// outside a round (button, maintenance, the board's network). The status is the one observer.
    /// </summary>
    public interface IRouterObserver
    {
        /// <summary>A round of <paramref name="router"/> ended: its sample and its policy, after the action taken (if any).</summary>
        /// <param name="router">The router.</param>
        void RoundDone(WatchedRouter router);

        /// <summary>The router's policy may have changed outside a round.</summary>
        /// <param name="router">The router.</param>
        void PolicyChanged(WatchedRouter router);
    }
}
