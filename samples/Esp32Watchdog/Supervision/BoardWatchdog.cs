using System;
using System.Threading;
using Esp32Watchdog.Ports;
using Mikrotik.Nano;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// A software watchdog for the board: the main loop calls <see cref="Feed"/>; a timer checks
    /// that it did so within the timeout and otherwise restarts the board through
    /// <see cref="IBoardReset"/>. It catches a main loop that stalls in managed code (a deadlock, a
    /// wait that never ends, a round that overruns).
    /// </summary>
    /// <remarks>
    /// It does not cover a runtime stalled in native code: nanoFramework runs a TLS handshake or a
    /// blocking socket call in native code, and while it blocks no managed thread runs — this
    /// timer included. The transports bound those calls with socket timeouts; a board that must
    /// survive anything else needs an external hardware watchdog (a supervisor chip fed by a GPIO
    /// toggled from the main loop, that pulls EN/reset low when the toggling stops). ESP32 has
    /// no managed API for its own hardware watchdogs.
    /// </remarks>
    public sealed class BoardWatchdog : IDisposable
    {
        private readonly object _sync = new object();
        private readonly IClock _clock;
        private readonly IBoardReset _reset;
        private readonly long _timeoutMilliseconds;
        private readonly int _checkPeriodMilliseconds;
        private long _lastFeedMilliseconds;
        private bool _fired;
        private Timer _timer;

        /// <summary>Creates a stopped watchdog; call <see cref="Start"/>.</summary>
        /// <param name="clock">Monotonic clock.</param>
        /// <param name="reset">What restarts the board.</param>
        /// <param name="timeoutMilliseconds">The longest time allowed between two feeds.</param>
        /// <param name="checkPeriodMilliseconds">How often the timer checks.</param>
        public BoardWatchdog(IClock clock, IBoardReset reset, int timeoutMilliseconds, int checkPeriodMilliseconds)
        {
            if (clock == null || reset == null)
            {
                throw new ArgumentNullException();
            }

            if (timeoutMilliseconds <= 0 || checkPeriodMilliseconds <= 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            _clock = clock;
            _reset = reset;
            _timeoutMilliseconds = timeoutMilliseconds;
            _checkPeriodMilliseconds = checkPeriodMilliseconds;
            _lastFeedMilliseconds = clock.NowMilliseconds;
        }

        /// <summary>True once the watchdog has fired (it fires once).</summary>
        public bool HasFired
        {
            get
            {
                lock (_sync)
                {
                    return _fired;
                }
            }
        }

        /// <summary>Starts the timer; the timeout counts from now.</summary>
        public void Start()
        {
            Feed();
            lock (_sync)
            {
                if (_timer == null)
                {
                    _timer = new Timer(OnTimer, null, _checkPeriodMilliseconds, _checkPeriodMilliseconds);
                }
            }
        }

        /// <summary>Reports that the main loop is alive.</summary>
        public void Feed()
        {
            long now = _clock.NowMilliseconds;
            lock (_sync)
            {
                _lastFeedMilliseconds = now;
            }
        }

        /// <summary>
        /// Checks the deadline now (the timer calls this). On expiry, restarts the board once.
        /// </summary>
        /// <returns>True when this call fired the watchdog.</returns>
        public bool Check()
        {
            long now = _clock.NowMilliseconds;
            long silent;
            lock (_sync)
            {
                if (_fired)
                {
                    return false;
                }

                silent = now - _lastFeedMilliseconds;
                if (silent < _timeoutMilliseconds)
                {
                    return false;
                }

                _fired = true;
            }

            try
            {
                _reset.ResetBoard("main loop silent for " + (silent / 1000).ToString() + " s");
            }
            catch (Exception)
            {
                // Nothing more can be done from a timer thread.
            }

            return true;
        }

        /// <summary>Stops the timer.</summary>
        public void Dispose()
        {
            Timer timer;
            lock (_sync)
            {
                timer = _timer;
                _timer = null;
            }

            if (timer != null)
            {
                timer.Dispose();
            }
        }

        private void OnTimer(object state)
        {
            Check();
        }
    }
}
