using System;
using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Transport
{
    /// <summary>
    /// The shared table: what nanoCLR really raised (issue 19) maps to the outcome a watchdog
    /// needs, and the host's translation of the same event gets the same outcome.
    /// </summary>
    [TestClass]
    public class TransportOutcomeTableTests
    {
        /// <summary>Verification failures are TlsError (never counted): -9984 and X.509 verify flags.</summary>
        [TestMethod]
        [DataRow(-9984)]
        [DataRow(0x01)]
        [DataRow(0x08)]
        [DataRow(0x200)]
        public static void VerificationFailuresAreTlsError(int code)
        {
            Assert.AreEqual((int)ErrorCode.TlsError, (int)TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", code, TransportStage.Handshake));
            Assert.AreEqual((int)TransportReason.CertificateRejected, (int)TransportOutcomeTable.Reason(TransportPlatform.Nano, "SocketException", code, TransportStage.Handshake));
        }

        /// <summary>Peer close, reset and timeouts in the handshake are counted (Timeout).</summary>
        [TestMethod]
        [DataRow(-0x7280)]
        [DataRow(-0x50)]
        [DataRow(-0x4C)]
        [DataRow(-0x6800)]
        public static void PeerCloseResetAndTimeoutsAreCounted(int code)
        {
            Assert.AreEqual((int)ErrorCode.Timeout, (int)TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", code, TransportStage.Handshake));
        }

        /// <summary>Newer firmware's CryptographicException (a type the pinned System.Net lacks) is read by name and its code.</summary>
        [TestMethod]
        public static void CryptographicExceptionIsClassifiedByNameAndCode()
        {
            Assert.AreEqual(-0x7280, ExceptionText.CodeOf(new CryptographicException(-0x7280)));
            Assert.AreEqual((int)ErrorCode.Timeout, (int)TransportErrors.Classify(new CryptographicException(-0x7280), 0, TransportStage.Handshake, "r", 8729).Code);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)TransportErrors.Classify(new CryptographicException(-9984), 0, TransportStage.Handshake, "r", 8729).Code);

            MikrotikException setup = TransportErrors.Classify(new CryptographicException(1), 0, TransportStage.Handshake, "r", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)setup.Code);
            Assert.Contains("on this board", setup.Message);

            MikrotikException none = TransportErrors.Classify(new CryptographicException(0), 0, TransportStage.Handshake, "r", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)none.Code);
            Assert.Contains("gives no cause", none.Message);
        }

        /// <summary>The host's names for the same events get the same outcome as the board's codes.</summary>
        [TestMethod]
        public static void HostAndDeviceAgree()
        {
            // Peer closes in the handshake: nano -0x7280, host IOException at end of stream.
            Assert.AreEqual(
                (int)TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", -0x7280, TransportStage.Handshake),
                (int)TransportOutcomeTable.Outcome(TransportPlatform.Host, "IOException", 0, TransportStage.Handshake));

            // Handshake deadline: nano 10060, host cancellation.
            Assert.AreEqual(
                (int)TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", 10060, TransportStage.Handshake),
                (int)TransportOutcomeTable.Outcome(TransportPlatform.Host, "OperationCanceledException", 0, TransportStage.Handshake));

            // A SYN never answered: nano 10060 at connect, host cancellation at connect.
            Assert.AreEqual(
                (int)TransportOutcomeTable.Outcome(TransportPlatform.Nano, "SocketException", 10060, TransportStage.Connect),
                (int)TransportOutcomeTable.Outcome(TransportPlatform.Host, "OperationCanceledException", 0, TransportStage.Connect));
            Assert.AreEqual((int)ErrorCode.Timeout, (int)TransportOutcomeTable.Outcome(TransportPlatform.Host, "OperationCanceledException", 0, TransportStage.Connect));
        }

        /// <summary>Lines name the type, the code and where.</summary>
        [TestMethod]
        public static void DescribeNamesTypeCodeAndPlace()
        {
            string line = ExceptionText.Describe(new CryptographicException(-80), "relay set-up");
            Assert.Contains("CryptographicException code -80 at relay set-up", line);
            Assert.Contains("ArgumentException at main loop", ExceptionText.Describe(new ArgumentException(), "main loop"));
        }

        /// <summary>Stands in for nanoFramework's System.Security.Cryptography.CryptographicException (matched by name).</summary>
        private sealed class CryptographicException : Exception
        {
            private readonly int _code;

            public CryptographicException(int code)
            {
                _code = code;
            }

            public int ErrorCode
            {
                get { return _code; }
            }
        }
    }
}
