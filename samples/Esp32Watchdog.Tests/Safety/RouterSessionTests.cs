using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using Mikrotik.Nano;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>
    /// What the board's transports throw decides whether a healthy router gets its power cut. A
    /// certificate rejection (RouterOS certificates expire after a year) must never count as "API
    /// unreachable"; a silent API-SSL service must. Run through the real session, probe and policy
    /// with throwing transport factories.
    /// </summary>
    [TestClass]
    public class RouterSessionTests
    {
        /// <summary>Throws what the device transport would throw for a given failure.</summary>
        internal sealed class ThrowingFactory : ITransportFactory
        {
            public string TypeName = "SocketException";
            public int Code;
            public TransportStage Stage = TransportStage.Handshake;
            public Exception Raw;
            public int Opens;

            public ITransport Open(RouterConfig router)
            {
                Opens++;
                if (Raw != null)
                {
                    throw Raw;
                }

                throw TransportErrors.Classify(TypeName, Code, Stage, router.Host, router.Port);
            }
        }

        /// <summary>A transport whose peer closes at once (enough for the login to fail).</summary>
        internal sealed class ClosedTransport : ITransport
        {
            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                return 0;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
            }

            public void Flush()
            {
            }

            public void Close()
            {
            }
        }

        internal sealed class ClosedFactory : ITransportFactory
        {
            public ITransport Open(RouterConfig router)
            {
                return new ClosedTransport();
            }
        }

        private static ProbeFailure Connect(ITransportFactory factory, WatchdogConfig config, RecordingLog log, out string detail)
        {
            ClientOptions options = new ClientOptions();
            options.Clock = new ManualClock();
            RouterSession session = new RouterSession(config.Routers[0], factory, options, new RouterLog(log, 0, config.Routers[0].Name));
            return session.Connect(out detail);
        }

        /// <summary>Certificate rejected (expired, wrong CA, clock): not counted, never acted on.</summary>
        [TestMethod]
        [DataRow(-0x2700)]
        [DataRow(-0x7780)]
        public static void CertificateRejectionNeverPowerCycles(int mbedTlsCode)
        {
            WatchdogConfig config = TestConfigs.Valid();
            ThrowingFactory factory = new ThrowingFactory();
            factory.Code = mbedTlsCode;
            RecordingLog log = new RecordingLog();
            ClientOptions options = new ClientOptions();
            ManualClock clock = new ManualClock();
            options.Clock = clock;
            RouterSession session = new RouterSession(config.Routers[0], factory, options, new RouterLog(log, 0, config.Routers[0].Name));
            Esp32Watchdog.Health.IHealthCheck[] checks;
            HealthSample sample = TestConfigs.NewSample(config, out checks);
            RouterOsProbe probe = new RouterOsProbe(session, config, sample.Request);
            RouterPolicy policy = new RouterPolicy(config, config.Routers[0], true, new RouterLog(log, 0, config.Routers[0].Name), checks);

            // Six hours of rounds: the replay that used to give 3 power-cycles, then "given up".
            for (int i = 0; i < 720; i++)
            {
                clock.Advance(30000);
                sample.Reset();
                probe.Probe(sample);
                Assert.AreEqual((int)ProbeFailure.TlsRejected, (int)sample.Failure);
                Assert.AreEqual((int)PolicyAction.None, (int)policy.OnProbe(sample, clock.NowMilliseconds));
            }

            Assert.AreEqual(720, factory.Opens);
            Assert.AreEqual(0, log.CountOf(DecisionCode.PowerCycleRequested));
            Assert.AreEqual(0, log.CountOf(DecisionCode.GivenUp));
            Assert.AreEqual(1, log.CountOf(DecisionCode.ProbeProblem));
        }

        /// <summary>A silent API-SSL service (handshake timeout) counts as unreachable.</summary>
        [TestMethod]
        [DataRow(10060)]
        [DataRow(-0x004C)]
        [DataRow(-0x7280)]
        public static void SilentHandshakeCounts(int code)
        {
            ThrowingFactory factory = new ThrowingFactory();
            factory.Code = code;
            string detail;
            Assert.AreEqual((int)ProbeFailure.Timeout, (int)Connect(factory, TestConfigs.Valid(), new RecordingLog(), out detail));
            Assert.Contains("handshake", detail);
        }

        /// <summary>Refused TCP counts as unreachable.</summary>
        [TestMethod]
        public static void RefusedConnectCounts()
        {
            ThrowingFactory factory = new ThrowingFactory();
            factory.Code = 10061;
            factory.Stage = TransportStage.Connect;
            string detail;
            Assert.AreEqual((int)ProbeFailure.ConnectFailed, (int)Connect(factory, TestConfigs.Valid(), new RecordingLog(), out detail));
        }

        /// <summary>An exception outside the contract is the board's own error: never counted.</summary>
        [TestMethod]
        public static void UnexpectedExceptionIsTheBoards()
        {
            ThrowingFactory factory = new ThrowingFactory();
            factory.Raw = new InvalidOperationException("bug");
            string detail;
            Assert.AreEqual((int)ProbeFailure.ProbeError, (int)Connect(factory, TestConfigs.Valid(), new RecordingLog(), out detail));
        }

        /// <summary>Every plaintext connect is logged as a warning.</summary>
        [TestMethod]
        public static void EachPlaintextConnectWarns()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].UseTls = false;
            config.Routers[0].AllowPlaintext = true;
            config.Routers[0].Port = RouterConfig.ApiPort;
            RecordingLog log = new RecordingLog();
            ClientOptions options = new ClientOptions();
            options.Clock = new ManualClock();
            RouterSession session = new RouterSession(config.Routers[0], new ClosedFactory(), options, new RouterLog(log, 0, config.Routers[0].Name));
            string detail;
            session.Connect(out detail);
            session.Connect(out detail);
            Assert.AreEqual(2, log.CountOf(DecisionCode.PlaintextConnect));
            Assert.Contains("in clear", ((Decision)log.Warnings[1]).Reason);

            // Over TLS: no warning.
            config.Routers[0].UseTls = true;
            session.Connect(out detail);
            Assert.AreEqual(2, log.CountOf(DecisionCode.PlaintextConnect));
        }

        /// <summary>A plain client on the API-SSL port is told which port is which.</summary>
        [TestMethod]
        public static void PlainClientOnTheTlsPortGetsAPortHint()
        {
            WatchdogConfig config = TestConfigs.Valid();
            config.Routers[0].UseTls = false;
            config.Routers[0].AllowPlaintext = true;
            config.Routers[0].Port = RouterConfig.ApiSslPort;
            string detail;
            ProbeFailure failure = Connect(new ClosedFactory(), config, new RecordingLog(), out detail);
            Assert.AreEqual((int)ProbeFailure.ConnectFailed, (int)failure);
            Assert.Contains("8729 is API-SSL", detail);

            config.Routers[0].Port = 1234;
            Connect(new ClosedFactory(), config, new RecordingLog(), out detail);
            Assert.Contains("TLS (API-SSL) port?", detail);
        }
    }
}
