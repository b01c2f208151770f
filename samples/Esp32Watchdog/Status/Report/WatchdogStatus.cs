using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Status.Report
{
    /// <summary>
    /// The watchdog's state as the site's monitoring sees it, kept for another thread to read.
    /// The watch loop feeds it from two sides only: decisions pass through it (it is an
    /// <see cref="IDecisionLog"/> in front of the real log), and it observes every router's
    /// rounds and policy changes (<see cref="IRouterObserver"/>). The status endpoint's thread
    /// formats it while holding <see cref="SyncRoot"/>.
    /// </summary>
    /// <remarks>
    /// Everything is allocated in the constructor. The watch loop holds the lock only to copy a
    /// few numbers, so a slow HTTP client can never stall it: the endpoint formats under the lock
    /// into its own buffer and sends after releasing it.
    /// </remarks>
    public sealed class WatchdogStatus : IDecisionLog, IRouterObserver
    {
        private readonly object _sync = new object();
        private readonly RouterReport[] _routers;
        private readonly IDecisionLog _next;
        private readonly IClock _clock;
        private bool _networkUp = true;
        private long _boardDecisions;

        /// <summary>Creates the status of the configured routers.</summary>
        /// <param name="config">The configuration (router names and ping targets).</param>
        /// <param name="next">The log decisions go on to (e.g. the console); may be null.</param>
        /// <param name="clock">The board's monotonic clock (its uptime).</param>
        public WatchdogStatus(WatchdogConfig config, IDecisionLog next, IClock clock)
        {
            if (config == null || clock == null)
            {
                throw new ArgumentNullException();
            }

            _routers = new RouterReport[config.Routers.Length];
            for (int i = 0; i < _routers.Length; i++)
            {
                RouterConfig router = config.Routers[i];
                _routers[i] = new RouterReport(router.Name, router.PingTargets == null ? 0 : router.PingTargets.Length);
            }

            _next = next;
            _clock = clock;
        }

        /// <summary>Hold this lock while reading the snapshots from another thread.</summary>
        public object SyncRoot
        {
            get { return _sync; }
        }

        /// <summary>Number of routers.</summary>
        public int RouterCount
        {
            get { return _routers.Length; }
        }

        /// <summary>False while the board's own network is down.</summary>
        public bool NetworkUp
        {
            get { return _networkUp; }
        }

        /// <summary>Decisions about the board itself (network down and up).</summary>
        public long BoardDecisions
        {
            get { return _boardDecisions; }
        }

        /// <summary>Milliseconds since the board started (its monotonic clock).</summary>
        public long UptimeMilliseconds
        {
            get { return _clock.NowMilliseconds; }
        }

        /// <summary>One router's snapshot; read it under <see cref="SyncRoot"/>.</summary>
        /// <param name="index">Index into <see cref="WatchdogConfig.Routers"/>.</param>
        /// <returns>The snapshot.</returns>
        public RouterReport GetRouter(int index)
        {
            return _routers[index];
        }

        /// <inheritdoc />
        public void Record(Decision decision)
        {
            lock (_sync)
            {
                int i = decision.RouterIndex;
                if (i >= 0 && i < _routers.Length)
                {
                    RouterReport r = _routers[i];
                    r.LastDecision = decision;
                    r.Decisions++;
                    switch (decision.Code)
                    {
                        case DecisionCode.RebootRequested:
                            r.Reboots++;
                            break;
                        case DecisionCode.PowerCycleRequested:
                            r.PowerCycles++;
                            break;
                        case DecisionCode.GivenUp:
                            r.GiveUps++;
                            break;
                    }
                }
                else
                {
                    _boardDecisions++;
                    if (decision.Code == DecisionCode.BoardNetworkDown)
                    {
                        _networkUp = false;
                    }
                    else if (decision.Code == DecisionCode.BoardNetworkUp)
                    {
                        _networkUp = true;
                    }
                }
            }

            if (_next != null)
            {
                _next.Record(decision);
            }
        }

        /// <inheritdoc />
        public void RoundDone(WatchedRouter router)
        {
            long now = _clock.NowMilliseconds;
            lock (_sync)
            {
                RouterReport r = _routers[router.Log.RouterIndex];
                r.CopySample(router.Sample, router.SampleAtMilliseconds);
                r.CopyPolicy(router.Policy, now);
            }
        }

        /// <inheritdoc />
        public void PolicyChanged(WatchedRouter router)
        {
            long now = _clock.NowMilliseconds;
            lock (_sync)
            {
                _routers[router.Log.RouterIndex].CopyPolicy(router.Policy, now);
            }
        }
    }
}
