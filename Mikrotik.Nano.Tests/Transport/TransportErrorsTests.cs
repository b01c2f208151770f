using System;
using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Transport
{
    /// <summary>
    /// What the device transports throw: nanoFramework's SocketException (socket or mbedTLS codes)
    /// and CryptographicException become the transport contract's codes. Only an authentication
    /// failure is TlsError; a silent or vanishing API-SSL service is Timeout (counted by a watchdog).
    /// </summary>
    [TestClass]
    public class TransportErrorsTests
    {
        /// <summary>Certificate rejections in the handshake are TlsError and say so.</summary>
        [TestMethod]
        public static void CertificateRejectionIsTlsError()
        {
            MikrotikException e = TransportErrors.Classify("SocketException", TransportErrors.TlsCertificateVerifyFailed, TransportStage.Handshake, "10.0.0.1", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)e.Code);
            Assert.Contains("certificate rejected", e.Message);
            Assert.DoesNotContains("anonymous", e.Message);

            e = TransportErrors.Classify("CryptographicException", 0, TransportStage.Handshake, "10.0.0.1", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)e.Code);

            // Any X.509 error of mbedTLS (0x2000 range), e.g. a bad certificate from the router.
            e = TransportErrors.Classify("SocketException", -0x2180, TransportStage.Handshake, "10.0.0.1", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)e.Code);
        }

        /// <summary>A router refusing the handshake (anonymous DH only) is TlsError and mentions why.</summary>
        [TestMethod]
        public static void NoCommonCipherMentionsAnonymousDh()
        {
            MikrotikException e = TransportErrors.Classify("SocketException", TransportErrors.TlsFatalAlert, TransportStage.Handshake, "r", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)e.Code);
            Assert.Contains("anonymous DH", e.Message);
        }

        /// <summary>A hung API-SSL service (socket receive timeout in the handshake) is Timeout.</summary>
        [TestMethod]
        [DataRow(10060)]
        [DataRow(-0x004C)]
        [DataRow(-0x6800)]
        public static void HandshakeTimeoutIsTimeout(int code)
        {
            MikrotikException e = TransportErrors.Classify("SocketException", code, TransportStage.Handshake, "r", 8729);
            Assert.AreEqual((int)ErrorCode.Timeout, (int)e.Code);
            Assert.Contains("handshake timed out", e.Message);
        }

        /// <summary>A TLS client on the plain port gets told which port is API-SSL.</summary>
        [TestMethod]
        public static void HandshakeTimeoutOnThePlainPortSuggestsThePort()
        {
            MikrotikException e = TransportErrors.Classify("SocketException", TransportErrors.SocketTimedOut, TransportStage.Handshake, "r", 8728);
            Assert.AreEqual((int)ErrorCode.Timeout, (int)e.Code);
            Assert.Contains("8729", e.Message);

            e = TransportErrors.Classify("SocketException", TransportErrors.TlsInvalidRecord, TransportStage.Handshake, "r", 8728);
            Assert.Contains("8728 is the plain API", e.Message);
        }

        /// <summary>The peer vanishing in the handshake is Timeout (not answering), never TlsError.</summary>
        [TestMethod]
        [DataRow(-0x7280)]
        [DataRow(-0x0050)]
        [DataRow(10054)]
        public static void PeerClosedDuringHandshakeIsTimeout(int code)
        {
            MikrotikException e = TransportErrors.Classify("SocketException", code, TransportStage.Handshake, "r", 8729);
            Assert.AreEqual((int)ErrorCode.Timeout, (int)e.Code);
            Assert.Contains("during the TLS handshake", e.Message);
        }

        /// <summary>Connect-stage failures are TransportError (or Timeout), with the cause.</summary>
        [TestMethod]
        public static void ConnectFailures()
        {
            Assert.AreEqual((int)ErrorCode.TransportError, (int)TransportErrors.Classify("SocketException", 10061, TransportStage.Connect, "r", 8729).Code);
            Assert.AreEqual((int)ErrorCode.Timeout, (int)TransportErrors.Classify("SocketException", 10060, TransportStage.Connect, "r", 8729).Code);
            Assert.Contains("host not found", TransportErrors.Classify("SocketException", 11001, TransportStage.Connect, "r", 8729).Message);
        }

        /// <summary>Out of memory on the board is never a reason to count the router as dead.</summary>
        [TestMethod]
        public static void BoardOutOfMemoryIsNotCounted()
        {
            Assert.AreEqual((int)ErrorCode.TlsError, (int)TransportErrors.Classify("SocketException", TransportErrors.TlsAllocFailed, TransportStage.Handshake, "r", 8729).Code);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)TransportErrors.Classify(new OutOfMemoryException(), 0, TransportStage.Connect, "r", 8729).Code);
        }

        /// <summary>Read timeouts and resets after the handshake.</summary>
        [TestMethod]
        public static void ReadFailures()
        {
            Assert.AreEqual((int)ErrorCode.Timeout, (int)TransportErrors.Classify("SocketException", 10060, TransportStage.Read, "r", 8729).Code);
            Assert.AreEqual((int)ErrorCode.PeerClosed, (int)TransportErrors.Classify("SocketException", -0x7880, TransportStage.Read, "r", 8729).Code);
            Assert.AreEqual((int)ErrorCode.TransportError, (int)TransportErrors.Classify("SocketException", 10050, TransportStage.Write, "r", 8729).Code);
        }

        /// <summary>Classifying by the caught exception's runtime type name works on the device runtime.</summary>
        [TestMethod]
        public static void ClassifiesByTheExceptionsTypeName()
        {
            MikrotikException e = TransportErrors.Classify(new CryptographicException(), 0, TransportStage.Handshake, "r", 8729);
            Assert.AreEqual((int)ErrorCode.TlsError, (int)e.Code);

            MikrotikException same = new MikrotikException(ErrorCode.LoginRefused, "x");
            Assert.AreSame(same, TransportErrors.Classify(same, 0, TransportStage.Handshake, "r", 8729));
        }

        /// <summary>Port hints only when the port contradicts the protocol.</summary>
        [TestMethod]
        public static void PortHints()
        {
            Assert.Contains("8729 is API-SSL", TransportErrors.PortHint(false, 8729));
            Assert.Contains("8728 is the plain API", TransportErrors.PortHint(true, 8728));
            Assert.AreEqual(string.Empty, TransportErrors.PortHint(true, 8729));
            Assert.AreEqual(string.Empty, TransportErrors.PortHint(false, 8728));
            Assert.AreEqual(string.Empty, TransportErrors.PortHint(false, 1234));
        }

        // Stands in for nanoFramework's System.Security.Cryptography.CryptographicException: the
        // classifier goes by the type's name, so the device's own type needs no reference here.
        private sealed class CryptographicException : Exception
        {
        }
    }
}
