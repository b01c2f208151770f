namespace Esp32Watchdog.Ports
{
    /// <summary>What <see cref="IActionHistoryStore.Open"/> found.</summary>
    public enum HistoryCondition
    {
        /// <summary>Nothing kept yet (a new board, an erased flash): the store was set up and written.</summary>
        Fresh = 0,

        /// <summary>A valid copy was read back.</summary>
        Restored = 1,

        /// <summary>
        /// Something was kept but no copy is valid (corrupt, unknown version, read error): every
        /// router is taken as if its action budget had just been spent, and the store was rewritten
        /// so. Reported.
        /// </summary>
        Unreadable = 2,

        /// <summary>The store cannot be written (no drive, flash full or failing): not a working store.</summary>
        NotWorking = 3,
    }
}
