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
        private JudgementKeeper _keeper;
        private string _historyRefusal;
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
        /// Keeps every router's judgement (actions, GivenUp, holds, the hold flag's edge) in
        /// <paramref name="store"/> from now on, and takes up what it kept from before the board
        /// restarted (see <see cref="JudgementKeeper"/>). Call once, before the first
        /// <see cref="Tick"/>. Relays without a working store are refused unless
        /// <see cref="WatchdogConfig.AcceptVolatileHistory"/>: the watchdog then takes no action
        /// at all, and the caller must refuse the configuration with the line returned.
        /// </summary>
        /// <param name="store">The store; null for none (the history in RAM only).</param>
        /// <returns>Null, or why the configuration must be refused.</returns>
        public string AttachHistory(IActionHistoryStore store)
        {
            long now = _clock.NowMilliseconds;
            bool hasRelays = false;
            for (int i = 0; i < _routers.Length; i++)
            {
                hasRelays = hasRelays || _routers[i].Relay != null;
            }

            _historyRefusal = JudgementKeeper.Refusal(_config, store, hasRelays);
            if (_historyRefusal != null)
            {
                return _historyRefusal;
            }

            if (store == null)
            {
                _log.Record(new Decision(DecisionCode.ActionHistoryVolatile, Decision.Board, "board", "no store: history in RAM only (a reset forgets actions, GivenUp and holds)", now));
                return null;
            }

            if (store.Open() == HistoryCondition.NotWorking)
            {
                // Accepted (or no relay): as without a store, what it may have kept included.
                _log.Record(new Decision(DecisionCode.ActionHistoryVolatile, Decision.Board, "board", "store not working (" + store.Problem + "): history in RAM only", now));
                return null;
            }

            _keeper = new JudgementKeeper(_config, store, _routers, _log, now);
            Changed();
            return null;
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

            // The button ends only the holds it (or a human) started; a hold the router's flag
            // started ends when the flag is removed or the hold expires.
            long now = _clock.NowMilliseconds;
            bool anyHeldByHand = false;
            for (int i = 0; i < _routers.Length; i++)
            {
                RouterPolicy policy = _routers[i].Policy;
                anyHeldByHand = anyHeldByHand || (policy.State == PolicyState.Maintenance && !policy.IsHeldByFlag);
            }

            for (int i = 0; i < _routers.Length; i++)
            {
                RouterPolicy policy = _routers[i].Policy;
                if (anyHeldByHand && !policy.IsHeldByFlag)
                {
                    policy.EndMaintenance(now);
                }
                else if (!anyHeldByHand && policy.State != PolicyState.Maintenance)
                {
                    policy.BeginMaintenance(0, now);
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
            bool fellBack = false;
            if (action != PolicyAction.None && !Remember(router))
            {
                // Never act beyond what survives a reset: the router is given up instead.
                policy.OnActionNotKept(_historyRefusal != null ? _historyRefusal : "write failed", _clock.NowMilliseconds);
                return;
            }

            if (action == PolicyAction.RebootViaApi)
            {
                UpdateLed();
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
                fellBack = true;
            }

            if (action == PolicyAction.PowerCycle)
            {
                UpdateLed();
                bool succeeded = router.Relay != null;
                // The fallback after an API reboot is a second action: kept too before the cut.
                if (succeeded && fellBack && !Remember(router))
                {
                    policy.OnActionNotKept("write failed", _clock.NowMilliseconds);
                    return;
                }

                if (succeeded)
                {
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
                    if (RouterConditions.Severity(status) > RouterConditions.Severity(worst))
                    {
                        worst = status;
                    }
                }

                switch (worst)
                {
                    case RouterCondition.GivenUp: pattern = LedPattern.GivenUp; break;
                    case RouterCondition.Acting: pattern = LedPattern.Acting; break;
                    case RouterCondition.Blind: pattern = LedPattern.Blind; break;
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

        // The LED, the observer and the kept judgement follow every change.
        private void Changed()
        {
            UpdateLed();
            if (_keeper != null)
            {
                _keeper.Sync(_clock.NowMilliseconds);
            }

            if (_observer == null)
            {
                return;
            }

            for (int i = 0; i < _routers.Length; i++)
            {
                _observer.PolicyChanged(_routers[i]);
            }
        }

        // Writes the judgement before an action. True when the action may be taken: it is kept,
        // or the history is in RAM by the configuration's choice.
        private bool Remember(WatchedRouter router)
        {
            if (_historyRefusal != null)
            {
                return false;
            }

            if (_keeper == null || _keeper.Commit(_clock.NowMilliseconds))
            {
                return true;
            }

            return _config.AcceptVolatileHistory;
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
