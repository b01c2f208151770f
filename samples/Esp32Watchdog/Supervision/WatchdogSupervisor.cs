using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Status;
using Mikrotik.Nano;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Runs the watchdog: per router, probes on the configured interval, feeds the
    /// <see cref="RouterPolicy"/>, and executes its decisions (API reboot, power-cycle). Also
    /// pauses everything while the board's own network is down and drives the status LED.
    /// </summary>
    /// <remarks>
    /// Single-threaded: the main loop calls <see cref="Tick"/> repeatedly and sleeps for what it
    /// returns. Probes and actions block, one router after the other. Everything allocated here
    /// is allocated in the constructor.
    /// </remarks>
    public sealed class WatchdogSupervisor
    {
        // How often to look again while the board's network is down.
        private const int NetworkDownRecheckMilliseconds = 1000;

        private readonly WatchdogConfig _config;
        private readonly IRouterProbe[] _probes;
        private readonly IRouterRebooter[] _rebooters;
        private readonly IPowerRelay[] _relays;
        private readonly IStatusLed _led;
        private readonly IDecisionLog _log;
        private readonly INetworkStatus _network;
        private readonly IClock _clock;
        private readonly BoardWatchdog _boardWatchdog;
        private readonly RouterPolicy[] _policies;
        private readonly HealthSample[] _samples;
        private readonly long[] _nextProbeAtMs;
        private IActionHistoryStore _history;
        private bool _networkUp;
        private bool _ledShown;
        private LedPattern _ledPattern;

        /// <summary>Creates the supervisor. Arrays are indexed like <see cref="WatchdogConfig.Routers"/>.</summary>
        /// <param name="config">A configuration that passed <see cref="WatchdogConfig.Validate"/>.</param>
        /// <param name="probes">One probe per router.</param>
        /// <param name="rebooters">One API rebooter per router.</param>
        /// <param name="relays">One relay per router; null entries (or a null array) for routers without one.</param>
        /// <param name="led">The status LED.</param>
        /// <param name="log">Where decisions go.</param>
        /// <param name="network">The board's network status.</param>
        /// <param name="clock">Monotonic clock.</param>
        /// <param name="boardWatchdog">Fed after every router round and action; may be null.</param>
        public WatchdogSupervisor(
            WatchdogConfig config,
            IRouterProbe[] probes,
            IRouterRebooter[] rebooters,
            IPowerRelay[] relays,
            IStatusLed led,
            IDecisionLog log,
            INetworkStatus network,
            IClock clock,
            BoardWatchdog boardWatchdog)
        {
            if (config == null || probes == null || rebooters == null || led == null || log == null || network == null || clock == null)
            {
                throw new ArgumentNullException();
            }

            int count = config.Routers.Length;
            if (probes.Length != count || rebooters.Length != count || (relays != null && relays.Length != count))
            {
                throw new ArgumentException("one probe, rebooter and relay slot per router");
            }

            _config = config;
            _probes = probes;
            _rebooters = rebooters;
            _relays = relays == null ? new IPowerRelay[count] : relays;
            _led = led;
            _log = log;
            _network = network;
            _clock = clock;
            _boardWatchdog = boardWatchdog;
            _policies = new RouterPolicy[count];
            _samples = new HealthSample[count];
            _nextProbeAtMs = new long[count];
            long now = clock.NowMilliseconds;
            for (int i = 0; i < count; i++)
            {
                _policies[i] = new RouterPolicy(config, i, _relays[i] != null, log);
                _samples[i] = new HealthSample(config.Routers[i]);
                _nextProbeAtMs[i] = now;
            }

            _networkUp = true;
        }

        /// <summary>Number of watched routers.</summary>
        public int RouterCount
        {
            get { return _policies.Length; }
        }

        /// <summary>The pattern the LED currently shows.</summary>
        public LedPattern LedPattern
        {
            get { return _ledPattern; }
        }

        /// <summary>The policy of one router (state, streaks) for status displays and tests.</summary>
        /// <param name="routerIndex">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        /// <returns>The policy.</returns>
        public RouterPolicy GetPolicy(int routerIndex)
        {
            return _policies[routerIndex];
        }

        /// <summary>
        /// Does whatever is due: probes every router whose interval has passed and executes the
        /// resulting actions, or pauses everything while the board's network is down.
        /// </summary>
        /// <returns>Milliseconds until the next call is useful (the caller may sleep that long).</returns>
        public int Tick()
        {
            long now = _clock.NowMilliseconds;
            if (!_network.IsUp)
            {
                NetworkDown(now);
                UpdateLed();
                return NetworkDownRecheckMilliseconds;
            }

            if (!_networkUp)
            {
                _networkUp = true;
                _log.Record(new Decision(DecisionCode.BoardNetworkUp, Decision.Board, "board", "resuming", now));
                for (int i = 0; i < _nextProbeAtMs.Length; i++)
                {
                    _nextProbeAtMs[i] = now;
                }
            }

            for (int i = 0; i < _policies.Length; i++)
            {
                if (_clock.NowMilliseconds >= _nextProbeAtMs[i])
                {
                    RunRound(i);
                    _nextProbeAtMs[i] = _clock.NowMilliseconds + _config.ProbeIntervalMilliseconds;
                    Feed();
                    if (!_networkUp)
                    {
                        break;
                    }
                }
            }

            UpdateLed();
            return MillisecondsUntilNextProbe();
        }

        /// <summary>Starts a maintenance hold on one router.</summary>
        /// <param name="routerIndex">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        /// <param name="durationMilliseconds">Length; 0 for the configured default.</param>
        public void BeginMaintenance(int routerIndex, long durationMilliseconds)
        {
            _policies[routerIndex].BeginMaintenance(durationMilliseconds, _clock.NowMilliseconds);
            UpdateLed();
        }

        /// <summary>Ends a maintenance hold early.</summary>
        /// <param name="routerIndex">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        public void EndMaintenance(int routerIndex)
        {
            _policies[routerIndex].EndMaintenance(_clock.NowMilliseconds);
            UpdateLed();
        }

        /// <summary>
        /// Keeps the action history in <paramref name="store"/> from now on, and restores what it
        /// remembers from before the board restarted (the rate limit and back-off count it). Call
        /// once, before the first <see cref="Tick"/>.
        /// </summary>
        /// <param name="store">The store; null leaves the history in RAM only.</param>
        public void AttachHistory(IActionHistoryStore store)
        {
            _history = store;
            if (store == null)
            {
                return;
            }

            long now = _clock.NowMilliseconds;
            long[] ages = new long[_config.MaxActionsPerWindow];
            for (int i = 0; i < _policies.Length; i++)
            {
                int count = store.Load(i, ages);
                if (count > 0)
                {
                    _policies[i].RestoreActions(ages, count, now);
                    _log.Record(new Decision(DecisionCode.ActionHistoryRestored, i, _config.Routers[i].Name,
                        count.ToString() + " action(s) from before the board restarted", now));
                }
            }
        }

        /// <summary>
        /// Executes a gesture of the board's button (see <see cref="ButtonPress"/>): acknowledge
        /// given-up routers, or start a maintenance hold on every router (end it, when one is on).
        /// </summary>
        /// <param name="gesture">The completed gesture.</param>
        public void OnButton(ButtonGesture gesture)
        {
            if (gesture == ButtonGesture.Acknowledge)
            {
                AcknowledgeAll();
                return;
            }

            if (gesture != ButtonGesture.Maintenance)
            {
                return;
            }

            long now = _clock.NowMilliseconds;
            bool anyHeld = false;
            for (int i = 0; i < _policies.Length; i++)
            {
                anyHeld = anyHeld || _policies[i].State == RouterState.Maintenance;
            }

            for (int i = 0; i < _policies.Length; i++)
            {
                if (anyHeld)
                {
                    _policies[i].EndMaintenance(now);
                }
                else
                {
                    _policies[i].BeginMaintenance(0, now);
                }
            }

            UpdateLed();
        }

        /// <summary>Logs once that the board's button is stuck (held far too long); it is ignored until released.</summary>
        public void ReportButtonStuck()
        {
            _log.Record(new Decision(DecisionCode.ButtonStuck, Decision.Board, "board", "button held too long: ignored until released", _clock.NowMilliseconds));
        }

        /// <summary>A human acknowledges every given-up router (e.g. the board's button was pressed).</summary>
        public void AcknowledgeAll()
        {
            long now = _clock.NowMilliseconds;
            for (int i = 0; i < _policies.Length; i++)
            {
                _policies[i].Acknowledge(now);
            }

            UpdateLed();
        }

        private void RunRound(int i)
        {
            HealthSample sample = _samples[i];
            sample.Reset();
            try
            {
                _probes[i].Probe(sample);
            }
            catch (Exception)
            {
                // A probe bug or an exhausted heap says nothing about the router.
                sample.MarkFailed(ProbeFailure.ProbeError, "probe threw");
            }

            long now = _clock.NowMilliseconds;
            if (!_network.IsUp)
            {
                // The board lost its network during the round: the result means nothing.
                NetworkDown(now);
                return;
            }

            PolicyAction action = _policies[i].OnProbe(sample, now);
            Execute(i, action);
        }

        private void Execute(int i, PolicyAction action)
        {
            if (action == PolicyAction.RebootViaApi)
            {
                UpdateLed();
                Remember(i);
                RebootResult result;
                try
                {
                    result = _rebooters[i].Reboot();
                }
                catch (Exception)
                {
                    result = RebootResult.Failed;
                }

                Feed();
                action = _policies[i].OnRebootResult(result, _clock.NowMilliseconds);
            }

            if (action == PolicyAction.PowerCycle)
            {
                UpdateLed();
                bool succeeded = _relays[i] != null;
                if (succeeded)
                {
                    Remember(i);
                    try
                    {
                        _relays[i].PowerCycle(_config.RelayOffMilliseconds);
                    }
                    catch (Exception)
                    {
                        succeeded = false;
                    }
                }

                Feed();
                _policies[i].OnPowerCycleDone(succeeded, _clock.NowMilliseconds);
            }
        }

        private void NetworkDown(long now)
        {
            if (_networkUp)
            {
                _networkUp = false;
                _log.Record(new Decision(DecisionCode.BoardNetworkDown, Decision.Board, "board", "paused; nothing counts against the routers", now));
            }

            for (int i = 0; i < _policies.Length; i++)
            {
                _policies[i].OnBoardNetworkDown(now);
            }
        }

        private int MillisecondsUntilNextProbe()
        {
            long now = _clock.NowMilliseconds;
            long wait = _config.ProbeIntervalMilliseconds;
            for (int i = 0; i < _nextProbeAtMs.Length; i++)
            {
                long due = _nextProbeAtMs[i] - now;
                if (due < wait)
                {
                    wait = due;
                }
            }

            return wait < 0 ? 0 : (int)wait;
        }

        private void UpdateLed()
        {
            LedPattern pattern = LedPattern.Healthy;
            if (!_networkUp)
            {
                pattern = LedPattern.NoNetwork;
            }
            else
            {
                RouterStatus worst = RouterStatus.Healthy;
                for (int i = 0; i < _policies.Length; i++)
                {
                    RouterStatus status = _policies[i].Status;
                    if (status > worst)
                    {
                        worst = status;
                    }
                }

                switch (worst)
                {
                    case RouterStatus.GivenUp: pattern = LedPattern.GivenUp; break;
                    case RouterStatus.Acting: pattern = LedPattern.Acting; break;
                    case RouterStatus.Degraded: pattern = LedPattern.Degraded; break;
                    case RouterStatus.Maintenance: pattern = LedPattern.Maintenance; break;
                    default: pattern = LedPattern.Healthy; break;
                }
            }

            if (!_ledShown || pattern != _ledPattern)
            {
                _ledShown = true;
                _ledPattern = pattern;
                try
                {
                    _led.Show(pattern);
                }
                catch (Exception)
                {
                    // A broken LED must not stop the watchdog.
                }
            }
        }

        private void Remember(int i)
        {
            if (_history == null)
            {
                return;
            }

            try
            {
                _history.Record(i);
            }
            catch (Exception)
            {
                // A failing store must not stop the action; the history is still in RAM.
            }
        }

        private void Feed()
        {
            if (_boardWatchdog != null)
            {
                _boardWatchdog.Feed();
            }
        }
    }
}
