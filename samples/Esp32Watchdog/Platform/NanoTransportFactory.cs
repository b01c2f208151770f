// Device-only: needs nanoFramework.System.Net (through Mikrotik.Nano.Device's Platform transports).
// Listed in Esp32Watchdog.nfproj, excluded from the host build. Keep it thin: failures are
// classified by Mikrotik.Nano.TransportErrors, which is tested on nanoCLR.
using System;
using System.Security.Cryptography.X509Certificates;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.RouterOs;
using Mikrotik.Nano;

namespace Esp32Watchdog.Platform
{
    /// <summary>Opens API (TCP) or API-SSL (TLS) connections from the board.</summary>
    internal sealed class NanoTransportFactory : ITransportFactory
    {
        private readonly RouterConfig[] _routers;
        private readonly X509Certificate[] _certificates;
        private readonly int _handshakeTimeoutMilliseconds;

        private NanoTransportFactory(RouterConfig[] routers, X509Certificate[] certificates, int handshakeTimeoutMilliseconds)
        {
            _routers = routers;
            _certificates = certificates;
            _handshakeTimeoutMilliseconds = handshakeTimeoutMilliseconds;
        }

        /// <summary>
        /// Parses every router's CA certificate now, at boot: a certificate that does not parse
        /// stops the board here instead of failing every handshake later.
        /// </summary>
        /// <param name="config">A validated configuration.</param>
        /// <param name="problem">Why the factory could not be made, or null.</param>
        /// <returns>The factory, or null (see <paramref name="problem"/>).</returns>
        internal static NanoTransportFactory Create(WatchdogConfig config, out string problem)
        {
            problem = null;
            RouterConfig[] routers = config.Routers;
            X509Certificate[] certificates = new X509Certificate[routers.Length];
            for (int i = 0; i < routers.Length; i++)
            {
                if (!routers[i].UseTls || routers[i].AllowInsecureTls)
                {
                    continue;
                }

                try
                {
                    certificates[i] = new X509Certificate(routers[i].CaCertificatePem);
                }
                catch (Exception)
                {
                    problem = "router " + routers[i].Name + ": CA certificate does not parse";
                    return null;
                }
            }

            return new NanoTransportFactory(routers, certificates, config.ProbeTimeoutMilliseconds);
        }

        public ITransport Open(RouterConfig router)
        {
            try
            {
                if (!router.UseTls)
                {
                    return NanoTcpTransport.Connect(router.Host, router.Port);
                }

                if (router.AllowInsecureTls)
                {
                    return NanoTlsTransport.ConnectInsecure(router.Host, router.Port);
                }

                return NanoTlsTransport.Connect(router.Host, router.Port, CertificateOf(router), _handshakeTimeoutMilliseconds);
            }
            catch (Exception e)
            {
                // The transports classify what they know; anything else gets the same treatment.
                throw TransportErrors.Classify(e, 0, router.UseTls ? TransportStage.Handshake : TransportStage.Connect, router.Host, router.Port);
            }
        }

        private X509Certificate CertificateOf(RouterConfig router)
        {
            for (int i = 0; i < _routers.Length; i++)
            {
                if (_routers[i] == router)
                {
                    return _certificates[i];
                }
            }

            return null;
        }
    }
}
