namespace Mikrotik.Nano
{
    /// <summary>
    /// The one table that turns what a transport caught — (platform, exception type, code, stage)
    /// — into an outcome (<see cref="ErrorCode"/>) and a <see cref="TransportReason"/>. The device
    /// transports (Platform/) and the host transports (tools/HostTransport) both classify through
    /// it, so a host run predicts what the board decides for the same event.
    /// </summary>
    /// <remarks>
    /// Rows are read top to bottom; the first match wins. Codes are WinSock's (positive, 10000-11999),
    /// Mbed TLS's (negative), X.509 verify flags (other positive codes in the handshake) or the
    /// firmware's SslError (1-9, with CryptographicException). What counts against the router:
    /// Timeout and TransportError. TlsError is never counted: a certificate that does not verify
    /// (also when the board's date is not set yet) is a configuration problem, not a dead router.
    /// <code>
    /// stage      type / code                                   outcome         reason
    /// any        OutOfMemoryException; -0x7F00                 TlsError        BoardOutOfMemory
    /// connect    10060; OperationCanceled/Timeout (host)       Timeout         ConnectTimedOut
    /// connect    10061                                         TransportError  ConnectRefused
    /// connect    11001                                         TransportError  HostNotFound
    /// connect    anything else                                 TransportError  ConnectFailed
    /// handshake  10060, -0x4C, -0x6800; Timeout/Canceled       Timeout         HandshakeTimedOut
    /// handshake  10053, 10054, -0x50, -0x4E, -0x7280, -0x7880;
    ///            IOException without code                      Timeout         HandshakePeerClosed
    /// handshake  -0x2700 (-9984), -0x2000..-0x2FFF (X.509)     TlsError        CertificateRejected
    /// handshake  -0x7380, -0x7780                              TlsError        HandshakeRefused
    /// handshake  -0x7200                                       TlsError        NotTls
    /// handshake  CryptographicException 1-9 (nano)            TlsError        TlsSetupFailed
    /// handshake  10000-11999                                   TransportError  HandshakeIo
    /// handshake  other positive codes (X.509 verify flags)     TlsError        CertificateRejected
    /// handshake  CryptographicException without code (nano)   TlsError        HandshakeNoCode
    /// handshake  AuthenticationException (host)               TlsError        HandshakeRefused
    /// handshake  anything else                                 TlsError        HandshakeFailed
    /// read/write 10060, -0x4C, -0x6800; Timeout/Canceled       Timeout         IoTimedOut
    /// read/write 10053, 10054, -0x50, -0x7280, -0x7880         PeerClosed      PeerClosed
    /// read/write anything else                                 TransportError  IoFailed
    /// </code>
    /// A CryptographicException that carries an Mbed TLS code (newer firmware) is read like a
    /// SocketException with that code.
    /// </remarks>
    public static class TransportOutcomeTable
    {
        private const int AnyStage = 0xF;
        private const int ConnectStage = 1 << (int)TransportStage.Connect;
        private const int HandshakeStage = 1 << (int)TransportStage.Handshake;
        private const int IoStage = (1 << (int)TransportStage.Read) | (1 << (int)TransportStage.Write);
        private const int Min = int.MinValue;
        private const int Max = int.MaxValue;

        private static readonly Row[] Rows = new Row[]
        {
            new Row(TransportPlatform.Any, AnyStage, "OutOfMemoryException", Min, Max, ErrorCode.TlsError, TransportReason.BoardOutOfMemory),
            new Row(TransportPlatform.Any, AnyStage, null, -0x7F00, -0x7F00, ErrorCode.TlsError, TransportReason.BoardOutOfMemory),

            new Row(TransportPlatform.Any, ConnectStage, null, 10060, 10060, ErrorCode.Timeout, TransportReason.ConnectTimedOut),
            new Row(TransportPlatform.Any, ConnectStage, "OperationCanceledException", Min, Max, ErrorCode.Timeout, TransportReason.ConnectTimedOut),
            new Row(TransportPlatform.Any, ConnectStage, "TimeoutException", Min, Max, ErrorCode.Timeout, TransportReason.ConnectTimedOut),
            new Row(TransportPlatform.Any, ConnectStage, null, 10061, 10061, ErrorCode.TransportError, TransportReason.ConnectRefused),
            new Row(TransportPlatform.Any, ConnectStage, null, 11001, 11001, ErrorCode.TransportError, TransportReason.HostNotFound),
            new Row(TransportPlatform.Any, ConnectStage, null, Min, Max, ErrorCode.TransportError, TransportReason.ConnectFailed),

            new Row(TransportPlatform.Any, HandshakeStage, null, 10060, 10060, ErrorCode.Timeout, TransportReason.HandshakeTimedOut),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x004C, -0x004C, ErrorCode.Timeout, TransportReason.HandshakeTimedOut),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x6800, -0x6800, ErrorCode.Timeout, TransportReason.HandshakeTimedOut),
            new Row(TransportPlatform.Any, HandshakeStage, "TimeoutException", Min, Max, ErrorCode.Timeout, TransportReason.HandshakeTimedOut),
            new Row(TransportPlatform.Any, HandshakeStage, "OperationCanceledException", Min, Max, ErrorCode.Timeout, TransportReason.HandshakeTimedOut),
            new Row(TransportPlatform.Any, HandshakeStage, null, 10053, 10054, ErrorCode.Timeout, TransportReason.HandshakePeerClosed),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x0050, -0x0050, ErrorCode.Timeout, TransportReason.HandshakePeerClosed),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x004E, -0x004E, ErrorCode.Timeout, TransportReason.HandshakePeerClosed),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x7280, -0x7280, ErrorCode.Timeout, TransportReason.HandshakePeerClosed),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x7880, -0x7880, ErrorCode.Timeout, TransportReason.HandshakePeerClosed),
            new Row(TransportPlatform.Any, HandshakeStage, "IOException", 0, 0, ErrorCode.Timeout, TransportReason.HandshakePeerClosed),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x2FFF, -0x2000, ErrorCode.TlsError, TransportReason.CertificateRejected),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x7380, -0x7380, ErrorCode.TlsError, TransportReason.HandshakeRefused),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x7780, -0x7780, ErrorCode.TlsError, TransportReason.HandshakeRefused),
            new Row(TransportPlatform.Any, HandshakeStage, null, -0x7200, -0x7200, ErrorCode.TlsError, TransportReason.NotTls),
            new Row(TransportPlatform.Nano, HandshakeStage, "CryptographicException", 1, 9, ErrorCode.TlsError, TransportReason.TlsSetupFailed),
            new Row(TransportPlatform.Any, HandshakeStage, null, 10000, 11999, ErrorCode.TransportError, TransportReason.HandshakeIo),
            new Row(TransportPlatform.Any, HandshakeStage, null, 1, Max, ErrorCode.TlsError, TransportReason.CertificateRejected),
            new Row(TransportPlatform.Nano, HandshakeStage, "CryptographicException", 0, 0, ErrorCode.TlsError, TransportReason.HandshakeNoCode),
            new Row(TransportPlatform.Host, HandshakeStage, "AuthenticationException", Min, Max, ErrorCode.TlsError, TransportReason.HandshakeRefused),
            new Row(TransportPlatform.Any, HandshakeStage, null, Min, Max, ErrorCode.TlsError, TransportReason.HandshakeFailed),

            new Row(TransportPlatform.Any, IoStage, null, 10060, 10060, ErrorCode.Timeout, TransportReason.IoTimedOut),
            new Row(TransportPlatform.Any, IoStage, null, -0x004C, -0x004C, ErrorCode.Timeout, TransportReason.IoTimedOut),
            new Row(TransportPlatform.Any, IoStage, null, -0x6800, -0x6800, ErrorCode.Timeout, TransportReason.IoTimedOut),
            new Row(TransportPlatform.Any, IoStage, "TimeoutException", Min, Max, ErrorCode.Timeout, TransportReason.IoTimedOut),
            new Row(TransportPlatform.Any, IoStage, "OperationCanceledException", Min, Max, ErrorCode.Timeout, TransportReason.IoTimedOut),
            new Row(TransportPlatform.Any, IoStage, null, 10053, 10054, ErrorCode.PeerClosed, TransportReason.PeerClosed),
            new Row(TransportPlatform.Any, IoStage, null, -0x0050, -0x0050, ErrorCode.PeerClosed, TransportReason.PeerClosed),
            new Row(TransportPlatform.Any, IoStage, null, -0x7280, -0x7280, ErrorCode.PeerClosed, TransportReason.PeerClosed),
            new Row(TransportPlatform.Any, IoStage, null, -0x7880, -0x7880, ErrorCode.PeerClosed, TransportReason.PeerClosed),
            new Row(TransportPlatform.Any, IoStage, null, Min, Max, ErrorCode.TransportError, TransportReason.IoFailed),
        };

        /// <summary>The outcome of a failure.</summary>
        /// <param name="platform">Which transport caught it.</param>
        /// <param name="exceptionTypeName">The caught exception's type name, e.g. "SocketException".</param>
        /// <param name="code">Its code (SocketException.ErrorCode, CryptographicException.ErrorCode), 0 when none.</param>
        /// <param name="stage">Where it happened.</param>
        /// <returns>The transport contract's code.</returns>
        public static ErrorCode Outcome(TransportPlatform platform, string exceptionTypeName, int code, TransportStage stage)
        {
            return Find(platform, exceptionTypeName, code, stage).Outcome;
        }

        /// <summary>The reason of a failure (which message it gets).</summary>
        /// <param name="platform">Which transport caught it.</param>
        /// <param name="exceptionTypeName">The caught exception's type name.</param>
        /// <param name="code">Its code, 0 when none.</param>
        /// <param name="stage">Where it happened.</param>
        /// <returns>The reason.</returns>
        public static TransportReason Reason(TransportPlatform platform, string exceptionTypeName, int code, TransportStage stage)
        {
            return Find(platform, exceptionTypeName, code, stage).Reason;
        }

        private static Row Find(TransportPlatform platform, string exceptionTypeName, int code, TransportStage stage)
        {
            string name = exceptionTypeName == null ? string.Empty : exceptionTypeName;
            int stageBit = 1 << (int)stage;
            for (int i = 0; i < Rows.Length; i++)
            {
                Row row = Rows[i];
                if (((int)row.Platforms & (int)platform) == 0 || (row.Stages & stageBit) == 0)
                {
                    continue;
                }

                if (row.TypeName != null && row.TypeName != name)
                {
                    continue;
                }

                if (code >= row.CodeMin && code <= row.CodeMax)
                {
                    return row;
                }
            }

            // Unreachable: every stage ends with a catch-all row.
            return Rows[Rows.Length - 1];
        }

        private sealed class Row
        {
            public readonly TransportPlatform Platforms;
            public readonly int Stages;
            public readonly string TypeName;
            public readonly int CodeMin;
            public readonly int CodeMax;
            public readonly ErrorCode Outcome;
            public readonly TransportReason Reason;

            public Row(TransportPlatform platforms, int stages, string typeName, int codeMin, int codeMax, ErrorCode outcome, TransportReason reason)
            {
                Platforms = platforms;
                Stages = stages;
                TypeName = typeName;
                CodeMin = codeMin;
                CodeMax = codeMax;
                Outcome = outcome;
                Reason = reason;
            }
        }
    }
}
