using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Keeps every router's judgement in the action-history store: takes it up at start, writes
    /// it before every action, whenever it changes (GivenUp, holds, the flag's edge, an
    /// acknowledgement) and every <see cref="WatchdogConfig.HistoryCheckpointMilliseconds"/> (the
    /// board's lifetime, so kept actions age while the board runs).
    /// </summary>
    /// <remarks>
    /// Time across a reset: the monotonic clock restarts at every boot, so kept times are on the
    /// board's lifetime, its uptime accumulated over every start (lifetime = monotonic + offset,
    /// the offset fixed at start from the lifetime kept by the last write). The time the board was
    /// off, and the uptime since the last write before a reset, count as zero: kept actions look
    /// more recent than they are and holds last longer, never the other way round. The wall clock
    /// is not used: SNTP may never come, or step, and the board has no clock that survives a
    /// power loss. Writes: one per checkpoint (144 a day by default), one per action and one per
    /// change of GivenUp, hold or flag; each is a few hundred bytes into one of two files.
    /// Everything is allocated in the constructor.
    /// </remarks>
    public sealed class JudgementKeeper
    {
        // While writes fail, retry those nothing forces at most this often.
        private const int FailedRetryMilliseconds = 60000;

        private readonly WatchdogConfig _config;
        private readonly IActionHistoryStore _store;
        private readonly WatchedRouter[] _routers;
        private readonly IDecisionLog _log;
        private readonly RouterJudgement[] _current;
        private readonly RouterJudgement[] _written;
        private readonly bool _writable;
        private readonly long _offset;
        private long _lastWriteLifetime;
        private long _lastFailedAtMs;
        private bool _failing;

        /// <summary>Opens the store, takes up what it kept for each router (by name) and says what it found (a working store: see <see cref="Refusal"/>).</summary>
        /// <param name="config">The configuration (K, the checkpoint interval).</param>
        /// <param name="store">The store.</param>
        /// <param name="routers">The watched routers.</param>
        /// <param name="log">Where the board's decisions go.</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public JudgementKeeper(WatchdogConfig config, IActionHistoryStore store, WatchedRouter[] routers, IDecisionLog log, long nowMilliseconds)
        {
            _config = config;
            _store = store;
            _routers = routers;
            _log = log;
            long now = nowMilliseconds;
            HistoryCondition condition = store.Open();
            _writable = condition != HistoryCondition.NotWorking;
            _offset = store.KeptLifetimeMilliseconds - now;
            _lastWriteLifetime = store.KeptLifetimeMilliseconds;
            _current = new RouterJudgement[routers.Length];
            _written = new RouterJudgement[routers.Length];
            switch (condition)
            {
                case HistoryCondition.Fresh:
                    Board(DecisionCode.ActionHistoryKept, "new store on flash, nothing kept yet", now);
                    break;
                case HistoryCondition.Restored:
                    Board(DecisionCode.ActionHistoryKept, "read back; board lifetime " + (store.KeptLifetimeMilliseconds / 60000).ToString() + " min", now);
                    break;
                case HistoryCondition.Unreadable:
                    Board(DecisionCode.ActionHistoryUnreadable, "no valid copy (" + store.Problem + "): every router taken as if "
                        + config.MaxActionsPerWindow.ToString() + " actions had just been taken", now);
                    break;
                default:
                    // Not kept by the supervisor (it runs on RAM then); never written here.
                    Board(DecisionCode.ActionHistoryVolatile, "store not working (" + store.Problem + "): history in RAM only", now);
                    break;
            }

            for (int i = 0; i < routers.Length; i++)
            {
                _current[i] = new RouterJudgement(config.MaxActionsPerWindow);
                _written[i] = new RouterJudgement(config.MaxActionsPerWindow);
                _current[i].Name = routers[i].Config.Name;
                RouterJudgement kept = store.Find(routers[i].Config.Name);
                if (kept != null)
                {
                    routers[i].Policy.RestoreJudgement(kept, _offset, now);
                }

                routers[i].Policy.ExportJudgement(_current[i], _offset);
                _written[i].CopyFrom(_current[i]);
            }
        }

        /// <summary>
        /// The reason relays must be refused, or null: with a relay configured, a history that is
        /// not on working flash needs <see cref="WatchdogConfig.AcceptVolatileHistory"/>. Opens the store.
        /// </summary>
        /// <param name="config">The configuration.</param>
        /// <param name="store">The store, or null for none.</param>
        /// <param name="hasRelays">Whether any router has a relay.</param>
        /// <returns>A line for "configuration refused", or null.</returns>
        public static string Refusal(WatchdogConfig config, IActionHistoryStore store, bool hasRelays)
        {
            if (!hasRelays || config.AcceptVolatileHistory)
            {
                return null;
            }

            if (store == null)
            {
                return "relays need the action history on the board's flash (a reset must not forget the actions) or AcceptVolatileHistory";
            }

            if (store.Open() == HistoryCondition.NotWorking)
            {
                return "action history store not working (" + store.Problem + "): relays refused; fix the flash or set AcceptVolatileHistory";
            }

            return null;
        }

        /// <summary>Board lifetime minus monotonic time.</summary>
        public long Offset
        {
            get { return _offset; }
        }

        /// <summary>Writes when a judgement changed or the checkpoint is due.</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void Sync(long nowMilliseconds)
        {
            Write(nowMilliseconds, false);
        }

        /// <summary>Writes now (before an action is taken).</summary>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        /// <returns>False when the judgement could not be written.</returns>
        public bool Commit(long nowMilliseconds)
        {
            return Write(nowMilliseconds, true);
        }

        private bool Write(long now, bool force)
        {
            if (!_writable)
            {
                return false;
            }

            long lifetime = now + _offset;
            bool changed = force;
            for (int i = 0; i < _routers.Length; i++)
            {
                _routers[i].Policy.ExportJudgement(_current[i], _offset);
                changed = changed || !_current[i].SameAs(_written[i]);
            }

            if (!changed && lifetime - _lastWriteLifetime < _config.HistoryCheckpointMilliseconds)
            {
                return true;
            }

            if (!force && _failing && now - _lastFailedAtMs < FailedRetryMilliseconds)
            {
                return false;
            }

            if (_store.Write(_current, lifetime))
            {
                for (int i = 0; i < _routers.Length; i++)
                {
                    _written[i].CopyFrom(_current[i]);
                }

                _lastWriteLifetime = lifetime;
                if (_failing)
                {
                    _failing = false;
                    Board(DecisionCode.ActionHistoryKept, "writes again", now);
                }

                return true;
            }

            _lastFailedAtMs = now;
            if (!_failing)
            {
                _failing = true;
                Board(DecisionCode.ActionHistoryWriteFailed, _store.Problem + (_config.AcceptVolatileHistory ? "; acting on RAM history (accepted)" : "; no action until it writes again"), now);
            }

            return false;
        }

        private void Board(DecisionCode code, string text, long now)
        {
            _log.Record(new Decision(code, Decision.Board, "board", text, now));
        }
    }
}
