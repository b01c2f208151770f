using Esp32Watchdog.Health;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Status.Report
{
    /// <summary>A probe that hands each finished round to the <see cref="WatchdogStatus"/>, even when the inner probe threw.</summary>
    public sealed class StatusProbe : IRouterProbe
    {
        private readonly IRouterProbe _inner;
        private readonly WatchdogStatus _status;
        private readonly int _routerIndex;

        /// <summary>Wraps one router's probe.</summary>
        /// <param name="inner">The real probe.</param>
        /// <param name="status">Where rounds are copied.</param>
        /// <param name="routerIndex">Index into the configured routers.</param>
        public StatusProbe(IRouterProbe inner, WatchdogStatus status, int routerIndex)
        {
            _inner = inner;
            _status = status;
            _routerIndex = routerIndex;
        }

        /// <inheritdoc />
        public void Probe(HealthSample sample)
        {
            try
            {
                _inner.Probe(sample);
            }
            finally
            {
                _status.RecordSample(_routerIndex, sample);
            }
        }
    }
}
