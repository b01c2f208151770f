using Esp32Watchdog.Configuration;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Debounced long-press detection for the board's button, fed with the pin level and the time
    /// (from the main loop and from pin-change interrupts). A gesture is decided on release, so a
    /// shorted or stuck button does nothing at all, and a contact that bounces neither starts nor
    /// ends a press.
    /// </summary>
    /// <remarks>
    /// States: Idle -(pressed)-> Pressed -(released)-> Releasing -(pressed within the debounce
    /// time)-> Pressed (same press) | -(released for the debounce time)-> Idle with a gesture by
    /// the hold time. Pressed -(held past the stuck time)-> Stuck -(released for the debounce
    /// time)-> Idle without a gesture. Thread-safe: interrupts and the main loop may both feed it.
    /// </remarks>
    public sealed class ButtonPress
    {
        /// <summary>A release shorter than this is a bounce.</summary>
        public const int DebounceMilliseconds = 50;

        private const int Idle = 0;
        private const int Pressed = 1;
        private const int Releasing = 2;
        private const int Stuck = 3;

        private readonly object _sync = new object();
        private readonly long _acknowledgeMs;
        private readonly long _maintenanceMs;
        private readonly long _stuckMs;
        private int _state;
        private long _pressedAtMs;
        private long _releasedAtMs;
        private ButtonGesture _gesture;
        private bool _stuckReported;

        /// <summary>Creates the detector with the configuration's hold times.</summary>
        /// <param name="config">Acknowledge, maintenance and stuck times.</param>
        public ButtonPress(WatchdogConfig config)
        {
            _acknowledgeMs = config.AcknowledgeHoldMilliseconds;
            _maintenanceMs = config.MaintenancePressMilliseconds;
            _stuckMs = config.ButtonStuckMilliseconds;
        }

        /// <summary>True while the button has been held past the stuck time.</summary>
        public bool IsStuck
        {
            get
            {
                lock (_sync)
                {
                    return _state == Stuck;
                }
            }
        }

        /// <summary>Feeds the button's level.</summary>
        /// <param name="pressed">True while the button is pressed (pin low for a button to ground).</param>
        /// <param name="nowMilliseconds">Monotonic time.</param>
        public void Update(bool pressed, long nowMilliseconds)
        {
            lock (_sync)
            {
                switch (_state)
                {
                    case Idle:
                        if (pressed)
                        {
                            _state = Pressed;
                            _pressedAtMs = nowMilliseconds;
                        }

                        break;

                    case Pressed:
                        if (!pressed)
                        {
                            _state = Releasing;
                            _releasedAtMs = nowMilliseconds;
                        }
                        else if (nowMilliseconds - _pressedAtMs >= _stuckMs)
                        {
                            _state = Stuck;
                            _releasedAtMs = -1;
                        }

                        break;

                    case Releasing:
                        if (pressed)
                        {
                            // A bounce: the same press goes on.
                            _state = Pressed;
                        }
                        else if (nowMilliseconds - _releasedAtMs >= DebounceMilliseconds)
                        {
                            long held = _releasedAtMs - _pressedAtMs;
                            _gesture = held >= _stuckMs ? ButtonGesture.None
                                : held >= _maintenanceMs ? ButtonGesture.Maintenance
                                : held >= _acknowledgeMs ? ButtonGesture.Acknowledge
                                : ButtonGesture.None;
                            _state = Idle;
                        }

                        break;

                    default:
                        // Stuck: wait for a release that lasts, then start over without a gesture.
                        if (pressed)
                        {
                            _releasedAtMs = -1;
                        }
                        else if (_releasedAtMs < 0)
                        {
                            _releasedAtMs = nowMilliseconds;
                        }
                        else if (nowMilliseconds - _releasedAtMs >= DebounceMilliseconds)
                        {
                            _state = Idle;
                            _stuckReported = false;
                        }

                        break;
                }
            }
        }

        /// <summary>Takes the gesture decided by the last completed press, once.</summary>
        /// <returns>The gesture, or <see cref="ButtonGesture.None"/>.</returns>
        public ButtonGesture TakeGesture()
        {
            lock (_sync)
            {
                ButtonGesture gesture = _gesture;
                _gesture = ButtonGesture.None;
                return gesture;
            }
        }

        /// <summary>True the first time it is asked after the button became stuck (for one log line per incident).</summary>
        /// <returns>Whether to report the stuck button now.</returns>
        public bool TakeStuckReport()
        {
            lock (_sync)
            {
                if (_state == Stuck && !_stuckReported)
                {
                    _stuckReported = true;
                    return true;
                }

                return false;
            }
        }
    }
}
