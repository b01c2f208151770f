using System;
using System.Threading;
using Esp32Watchdog.Ports;
using Mikrotik.Nano;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Feeds an external watchdog supervisor (e.g. a MAX6369 whose WDO pulls the board's EN low):
    /// a managed timer toggles a GPIO every few hundred milliseconds, but only while the main loop
    /// has reported (<see cref="Feed"/>, called beside the board watchdog's feed) within its timeout.
    /// </summary>
    /// <remarks>
    /// What it covers that <see cref="BoardWatchdog"/> cannot: a runtime stalled in native code (a
    /// TLS handshake or record that never completes stops every managed thread, this timer
    /// included), so the toggling stops and the supervisor resets the board. A main loop stalled in
    /// managed code stops the toggling too. States: Stopped → Running (<see cref="Start"/>) →
    /// Stopped (<see cref="Dispose"/>); while Running each tick toggles or, with a stale feed, holds.
    /// </remarks>
    public sealed class ExternalWatchdogPulse : IDisposable
    {
        private readonly object _sync = new object();
        private readonly IClock _clock;
        private readonly IGpioPin _pin;
        private readonly long _feedTimeoutMilliseconds;
        private readonly int _toggleMilliseconds;
        private long _lastFeedMilliseconds;
        private bool _level;
        private int _toggles;
        private Timer _timer;

        /// <summary>Creates a stopped pulse on an output pin.</summary>
        /// <param name="clock">Monotonic clock.</param>
        /// <param name="pin">The pin wired to the supervisor's WDI (opened as an output).</param>
        /// <param name="feedTimeoutMilliseconds">The longest time the main loop may go without <see cref="Feed"/>.</param>
        /// <param name="toggleMilliseconds">Time between two toggles.</param>
        public ExternalWatchdogPulse(IClock clock, IGpioPin pin, int feedTimeoutMilliseconds, int toggleMilliseconds)
        {
            if (clock == null || pin == null)
            {
                throw new ArgumentNullException();
            }

            if (feedTimeoutMilliseconds <= 0 || toggleMilliseconds <= 0)
            {
                throw new ArgumentOutOfRangeException();
            }

            _clock = clock;
            _pin = pin;
            _feedTimeoutMilliseconds = feedTimeoutMilliseconds;
            _toggleMilliseconds = toggleMilliseconds;
            _lastFeedMilliseconds = clock.NowMilliseconds;
        }

        /// <summary>How many times the pin was toggled.</summary>
        public int Toggles
        {
            get
            {
                lock (_sync)
                {
                    return _toggles;
                }
            }
        }

        /// <summary>The main loop is alive.</summary>
        public void Feed()
        {
            lock (_sync)
            {
                _lastFeedMilliseconds = _clock.NowMilliseconds;
            }
        }

        /// <summary>One timer tick: toggles the pin if the main loop fed in time.</summary>
        /// <returns>True when the pin was toggled.</returns>
        public bool Tick()
        {
            lock (_sync)
            {
                if (_clock.NowMilliseconds - _lastFeedMilliseconds > _feedTimeoutMilliseconds)
                {
                    // The main loop is stuck: let the supervisor reset the board.
                    return false;
                }

                _level = !_level;
                _pin.Write(_level);
                _toggles++;
                return true;
            }
        }

        /// <summary>Starts toggling; the feed timeout counts from now.</summary>
        public void Start()
        {
            Feed();
            lock (_sync)
            {
                if (_timer == null)
                {
                    _timer = new Timer(OnTimer, null, 0, _toggleMilliseconds);
                }
            }
        }

        /// <summary>Stops the timer (the supervisor then resets the board).</summary>
        public void Dispose()
        {
            lock (_sync)
            {
                if (_timer != null)
                {
                    _timer.Dispose();
                    _timer = null;
                }
            }
        }

        private void OnTimer(object state)
        {
            try
            {
                Tick();
            }
            catch (Exception)
            {
                // A failing pin must not end the timer thread; the supervisor notices the silence.
            }
        }
    }
}
