namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Logs the wait for a valid date (SNTP) instead of gating the network on it: the board watches
    /// as soon as it has an address; until the date is set, certificate checks fail as TLS-rejected
    /// (never counted) while plain TCP silence still counts. States: Waiting → Set (once).
    /// </summary>
    public sealed class DateWait
    {
        /// <summary>The earliest year taken as a real date (the board boots in 1970 or 2000-ish).</summary>
        public const int FirstValidYear = 2025;

        private readonly long _startMilliseconds;
        private readonly long _remindMilliseconds;
        private long _lastReportMilliseconds;
        private bool _set;

        /// <summary>Starts waiting now.</summary>
        /// <param name="nowMilliseconds">Monotonic now.</param>
        /// <param name="remindMilliseconds">How often the wait is reported while it lasts.</param>
        public DateWait(long nowMilliseconds, long remindMilliseconds)
        {
            _startMilliseconds = nowMilliseconds;
            _lastReportMilliseconds = nowMilliseconds;
            _remindMilliseconds = remindMilliseconds;
        }

        /// <summary>True once a valid date was seen.</summary>
        public bool IsSet
        {
            get { return _set; }
        }

        /// <summary>Called from the main loop with the wall clock's year; returns a line to log, or null.</summary>
        /// <param name="nowMilliseconds">Monotonic now.</param>
        /// <param name="wallYear">DateTime.UtcNow.Year.</param>
        /// <returns>A console line, or null when there is nothing new to say.</returns>
        public string Check(long nowMilliseconds, int wallYear)
        {
            if (_set)
            {
                return null;
            }

            long waited = (nowMilliseconds - _startMilliseconds) / 1000;
            if (wallYear >= FirstValidYear)
            {
                _set = true;
                return "date set by SNTP after " + waited.ToString() + " s: TLS certificates can be verified";
            }

            if (nowMilliseconds - _lastReportMilliseconds < _remindMilliseconds)
            {
                return null;
            }

            _lastReportMilliseconds = nowMilliseconds;
            return "no valid date after " + waited.ToString() + " s (SNTP): TLS certificate checks fail as TLS-rejected, not counted; plain TCP silence still counts";
        }
    }
}
