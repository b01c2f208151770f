using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
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
    /// is allocated in the constructor. Built by <c>Wiring/WatchdogAssembly</c>, the one place
    /// that wires the watchdog.
    /// </remarks>
    public sealed class WatchdogSupervisor
    {
        // How often to look again while the board's network is down.
        private const int NetworkDownRecheckMilliseconds = 1000;

        private readonly WatchdogConfig _config;
        private readonly WatchedRouter[] _routers;
        private readonly IRouterObserver _observer;
        private readonly IStatusLed _led;
        private readonly IDecisionLog _log;
        private readonly INetworkStatus _network;
        private readonly IClock _clock;
        private readonly BoardWatchdog _boardWatchdog;
        private IActionHistoryStore _history;
        private bool _networkUp;
        private bool _ledShown;
        private LedPattern _ledPattern;

        /// <summary>Creates the supervisor.</summary>
        /// <param name="config">A configuration that passed <see cref="WatchdogConfig.Validate"/>.</param>
        /// <param name="routers">The watched routers, in the configuration's order.</param>
        /// <param name="observer">Sees every round (the status); may be null.</param>
        /// <param name="led">The status LED.</param>
        /// <param name="log">Where decisions about the board go.</param>
        /// <param name="network">The board's network status.</param>
        /// <param name="clock">Monotonic clock.</param>
        /// <param name="boardWatchdog">Fed after every router round and action; may be null.</param>
        public WatchdogSupervisor(
            WatchdogConfig config,
            WatchedRouter[] routers,
            IRouterObserver observer,
            IStatusLed led,
            IDecisionLog log,
            INetworkStatus network,
            IClock clock,
            BoardWatchdog boardWatchdog)
        {
            if (config == null || routers == null || led == null || log == null || network == null || clock == null)
            {
                throw new ArgumentNullException();
            }

            _config = config;
            _routers = routers;
            _observer = observer;
            _led = led;
            _log = log;
            _network = network;
            _clock = clock;
            _boardWatchdog = boardWatchdog;
            long now = clock.NowMilliseconds;
            for (int i = 0; i < routers.Length; i++)
            {
                routers[i].NextProbeAtMilliseconds = now;
            }

            _networkUp = true;
        }

        /// <summary>Number of watched routers.</summary>
        public int RouterCount
        {
            get { return _routers.Length; }
        }

        /// <summary>The pattern the LED currently shows.</summary>
        public LedPattern LedPattern
        {
            get { return _ledPattern; }
        }

        /// <summary>One watched router (its policy, its last sample) for status displays and tests.</summary>
        /// <param name="routerIndex">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        /// <returns>The router.</returns>
        public WatchedRouter GetRouter(int routerIndex)
        {
            return _routers[routerIndex];
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
                Changed();
                return NetworkDownRecheckMilliseconds;
            }

            if (!_networkUp)
            {
                _networkUp = true;
                _log.Record(new Decision(DecisionCode.BoardNetworkUp, Decision.Board, "board", "resuming", now));
                for (int i = 0; i < _routers.Length; i++)
                {
                    _routers[i].NextProbeAtMilliseconds = now;
                }
            }

            for (int i = 0; i < _routers.Length; i++)
            {
                WatchedRouter router = _routers[i];
                if (_clock.NowMilliseconds >= router.NextProbeAtMilliseconds)
                {
                    RunRound(router);
                    router.NextProbeAtMilliseconds = _clock.NowMilliseconds + _config.ProbeIntervalMilliseconds;
                    Feed();
                    if (!_networkUp)
                    {
                        break;
                    }
                }
            }

            Changed();
            return MillisecondsUntilNextProbe();
        }

        /// <summary>Starts a maintenance hold on one router.</summary>
        /// <param name="routerIndex">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        /// <param name="durationMilliseconds">Length; 0 for the configured default.</param>
        public void BeginMaintenance(int routerIndex, long durationMilliseconds)
        {
            _routers[routerIndex].Policy.BeginMaintenance(durationMilliseconds, _clock.NowMilliseconds);
            Changed();
        }

        /// <summary>Ends a maintenance hold early.</summary>
        /// <param name="routerIndex">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        public void EndMaintenance(int routerIndex)
        {
            _routers[routerIndex].Policy.EndMaintenance(_clock.NowMilliseconds);
            Changed();
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
            for (int i = 0; i < _routers.Length; i++)
            {
                WatchedRouter router = _routers[i];
                int count = store.Load(router.Log.RouterIndex, ages);
                if (count > 0)
                {
                    router.Policy.RestoreActions(ages, count, now);
                    router.Log.Emit(DecisionCode.ActionHistoryRestored, count.ToString() + " action(s) from before the board restarted", now);
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
            for (int i = 0; i < _routers.Length; i++)
            {
                anyHeld = anyHeld || _routers[i].Policy.State == PolicyState.Maintenance;
            }

            for (int i = 0; i < _routers.Length; i++)
            {
                if (anyHeld)
                {
                    _routers[i].Policy.EndMaintenance(now);
                }
                else
                {
                    _routers[i].Policy.BeginMaintenance(0, now);
                }
            }

            Changed();
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
            for (int i = 0; i < _routers.Length; i++)
            {
                _routers[i].Policy.Acknowledge(now);
            }

            Changed();
        }

        private void RunRound(WatchedRouter router)
        {
            HealthSample sample = router.Sample;
            sample.Reset();
            try
            {
                router.Probe.Probe(sample);
            }
            catch (Exception)
            {
                // A probe bug or an exhausted heap says nothing about the router.
                sample.MarkFailed(ProbeFailure.ProbeError, "probe threw");
            }

            long now = _clock.NowMilliseconds;
            router.SampleAtMilliseconds = now;
            if (!_network.IsUp)
            {
                // The board lost its network during the round: the result means nothing.
                NetworkDown(now);
            }
            else
            {
                Execute(router, router.Policy.OnProbe(sample, now));
            }

            if (_observer != null)
            {
                _observer.RoundDone(router);
            }
        }

        private void Execute(WatchedRouter router, PolicyAction action)
        {
            RouterPolicy policy = router.Policy;
            if (action == PolicyAction.RebootViaApi)
            {
                UpdateLed();
                Remember(router);
                RebootResult result;
                try
                {
                    result = router.Rebooter.Reboot(policy.ActionRequest);
                }
                catch (Exception)
                {
                    result = RebootResult.Failed;
                }

                Feed();
                action = policy.OnRebootResult(result, _clock.NowMilliseconds);
            }

            if (action == PolicyAction.PowerCycle)
            {
                UpdateLed();
                bool succeeded = router.Relay != null;
                if (succeeded)
                {
                    Remember(router);
                    try
                    {
                        router.Relay.PowerCycle(_config.RelayOffMilliseconds);
                    }
                    catch (Exception)
                    {
                        succeeded = false;
                    }
                }

                Feed();
                policy.OnPowerCycleDone(succeeded, _clock.NowMilliseconds);
            }
        }

        private void NetworkDown(long now)
        {
            if (_networkUp)
            {
                _networkUp = false;
                _log.Record(new Decision(DecisionCode.BoardNetworkDown, Decision.Board, "board", "paused; nothing counts against the routers", now));
            }

            for (int i = 0; i < _routers.Length; i++)
            {
                _routers[i].Policy.OnBoardNetworkDown(now);
            }
        }

        private int MillisecondsUntilNextProbe()
        {
            long now = _clock.NowMilliseconds;
            long wait = _config.ProbeIntervalMilliseconds;
            for (int i = 0; i < _routers.Length; i++)
            {
                long due = _routers[i].NextProbeAtMilliseconds - now;
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
                RouterCondition worst = RouterCondition.Healthy;
                for (int i = 0; i < _routers.Length; i++)
                {
                    RouterCondition status = _routers[i].Policy.Condition;
                    if (status > worst)
                    {
                        worst = status;
                    }
                }

                switch (worst)
                {
                    case RouterCondition.GivenUp: pattern = LedPattern.GivenUp; break;
                    case RouterCondition.Acting: pattern = LedPattern.Acting; break;
                    case RouterCondition.Degraded: pattern = LedPattern.Degraded; break;
                    case RouterCondition.Maintenance: pattern = LedPattern.Maintenance; break;
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

        // The LED and the observer follow every change.
        private void Changed()
        {
            UpdateLed();
            if (_observer == null)
            {
                return;
            }

            for (int i = 0; i < _routers.Length; i++)
            {
                _observer.PolicyChanged(_routers[i]);
            }
        }

        private void Remember(WatchedRouter router)
        {
            if (_history == null)
            {
                return;
            }

            try
            {
                _history.Record(router.Log.RouterIndex);
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
