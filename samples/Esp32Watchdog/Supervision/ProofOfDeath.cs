using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// Independent evidence before a round may count as "router unreachable": when the API was
    /// silent or refused, a TCP connection to the router's second port
    /// (<see cref="RouterConfig.LivenessPort"/>) must get neither SYN-ACK nor RST. Wraps the
    /// probe of any router kind; <c>Wiring/WatchdogAssembly</c> puts it in front of each one.
    /// </summary>
    /// <remarks>
    /// Only unreachable rounds can lead to a power cut, so only they are checked:
    /// <code>
    /// API round                 second port    the round becomes
    /// answered, or a refusal    (not tried)    as it was
    /// connect failed / timeout  Answered       ServiceDown: alive, "API service down", never counted
    /// connect failed / timeout  Silent         as it was: counted towards the power cut
    /// connect failed / timeout  BoardError     ProbeError: the board's trouble, never counted
    /// </code>
    /// A healthy round costs nothing; the texts are made once.
    /// </remarks>
    public sealed class ProofOfDeath : IRouterProbe
    {
        private readonly IRouterProbe _inner;
        private readonly IPortKnock _knock;
        private readonly string _host;
        private readonly int _port;
        private readonly int _timeoutMilliseconds;
        private readonly string _answered;
        private readonly string _boardError;

        /// <summary>Wraps the probe of one router.</summary>
        /// <param name="inner">The router kind's probe.</param>
        /// <param name="router">The router (host, second port).</param>
        /// <param name="knock">Tries the second port.</param>
        /// <param name="timeoutMilliseconds">How long a knock may wait.</param>
        public ProofOfDeath(IRouterProbe inner, RouterConfig router, IPortKnock knock, int timeoutMilliseconds)
        {
            if (inner == null || router == null || knock == null)
            {
                throw new ArgumentNullException();
            }

            _inner = inner;
            _knock = knock;
            _host = router.Host;
            _port = router.LivenessPort;
            _timeoutMilliseconds = timeoutMilliseconds;
            _answered = "API service down: port " + _port.ToString() + " answers, so the router runs (no power cut)";
            _boardError = "the board could not check port " + _port.ToString() + " (its own network or sockets): not counted";
        }

        /// <inheritdoc />
        public void Probe(HealthSample sample)
        {
            _inner.Probe(sample);
            if (!sample.ApiSilent)
            {
                return;
            }

            PortAnswer answer;
            try
            {
                answer = _knock.Knock(_host, _port, _timeoutMilliseconds);
            }
            catch (Exception)
            {
                // A knock that throws is the board's trouble, never evidence against the router.
                answer = PortAnswer.BoardError;
            }

            if (answer == PortAnswer.Answered)
            {
                sample.MarkFailed(ProbeFailure.ServiceDown, Join(sample.FailureDetail, _answered));
            }
            else if (answer == PortAnswer.BoardError)
            {
                sample.MarkFailed(ProbeFailure.ProbeError, Join(sample.FailureDetail, _boardError));
            }
        }

        private static string Join(string first, string second)
        {
            return first == null || first.Length == 0 ? second : first + "; " + second;
        }
    }
}
