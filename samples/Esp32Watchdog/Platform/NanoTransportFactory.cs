// Device-only: needs nanoFramework.System.Net (through Mikrotik.Nano.Device's Platform transports).
// Listed in Esp32Watchdog.nfproj, excluded from the host build.
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

        internal NanoTransportFactory(RouterConfig[] routers)
        {
            _routers = routers;
            _certificates = new X509Certificate[routers.Length];
        }

        public ITransport Open(RouterConfig router)
        {
            if (!router.UseTls)
            {
                return NanoTcpTransport.Connect(router.Host, router.Port);
            }

            if (router.AllowInsecureTls)
            {
                return NanoTlsTransport.ConnectInsecure(router.Host, router.Port);
            }

            return NanoTlsTransport.Connect(router.Host, router.Port, CertificateOf(router));
        }

        // Parsed once per router: a certificate is a few hundred bytes the heap keeps anyway.
        private X509Certificate CertificateOf(RouterConfig router)
        {
            for (int i = 0; i < _routers.Length; i++)
            {
                if (_routers[i] == router)
                {
                    if (_certificates[i] == null)
                    {
                        _certificates[i] = new X509Certificate(router.CaCertificatePem);
                    }

                    return _certificates[i];
                }
            }

            return new X509Certificate(router.CaCertificatePem);
        }
    }
}
