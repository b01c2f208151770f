namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// Keeps the watchdog's judgement across board resets: per router, its recent actions, whether
    /// it was given up, its maintenance hold and the hold flag's edge; and the board's lifetime
    /// (its accumulated uptime), the clock those times are measured on. A board that restarts (a
    /// brown-out when the relay switches, a crash) therefore keeps its rate limit, its GivenUp and
    /// its holds.
    /// </summary>
    /// <remarks>
    /// Records are found by router name, never by position, so a reordered configuration does not
    /// hand one router's history to another. Times are board-lifetime milliseconds: the uptime
    /// accumulated over every start, the time the board was off counting as zero (actions look
    /// more recent than they are: the safe side). On the board the store is a file pair on the
    /// internal flash (<c>Persistence/FlashHistoryStore</c> over <see cref="IFlashFiles"/>).
    /// </remarks>
    public interface IActionHistoryStore
    {
        /// <summary>
        /// Reads what was kept (once: later calls return the first answer). A store whose
        /// content cannot be read is rewritten with the conservative judgement it then stands for;
        /// a store that cannot be written is <see cref="HistoryCondition.NotWorking"/>.
        /// </summary>
        /// <returns>What was found.</returns>
        HistoryCondition Open();

        /// <summary>Why <see cref="Open"/> or the last <see cref="Write"/> failed (a short text), or null.</summary>
        string Problem { get; }

        /// <summary>The board's lifetime kept by the last write before this start (0 when fresh).</summary>
        long KeptLifetimeMilliseconds { get; }

        /// <summary>What was kept for one router, or null when nothing was (a router new to the store).</summary>
        /// <param name="routerName">The router's configured name.</param>
        /// <returns>The kept judgement (owned by the store: copy from it, do not keep it).</returns>
        RouterJudgement Find(string routerName);

        /// <summary>
        /// Replaces what is kept with <paramref name="routers"/> and the lifetime, atomically: after
        /// a reset in the middle of it, either the old or the new content is read back, never a mix.
        /// </summary>
        /// <param name="routers">Every configured router's judgement.</param>
        /// <param name="lifetimeMilliseconds">The board's lifetime now.</param>
        /// <returns>False when the write failed (the previous content stays; <see cref="Problem"/> says why).</returns>
        bool Write(RouterJudgement[] routers, long lifetimeMilliseconds);
    }
}
