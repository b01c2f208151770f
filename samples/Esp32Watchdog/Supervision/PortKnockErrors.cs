using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Supervision
{
    /// <summary>
    /// How a failed knock (see <c>IPortKnock</c>) reads, by the socket error code it ended with,
    /// shared by the board's and the host's knock so both judge alike. WinSock numbering, which
    /// nanoFramework's SocketException and .NET's SocketError both use.
    /// </summary>
    /// <remarks>
    /// <code>
    /// code                                    answer      why
    /// 10061 refused, 10054 reset              Answered    an RST: the router's kernel answered
    /// 10060 timed out, 10053 aborted          Silent      lwIP ends an unanswered SYN with either
    /// anything else (11001 host not found,    BoardError  the board could not try: never counted
    ///  10055 no buffers, 10024 no sockets,                against the router (the safe side: no cut)
    ///  10050/10051 network down/unreachable,
    ///  10065 no route, 10049, out of memory)
    /// </code>
    /// </remarks>
    public static class PortKnockErrors
    {
        /// <summary>Reads the socket error a knock ended with.</summary>
        /// <param name="socketErrorCode">The code; 0 when the failure was not a socket error (an exception of the board).</param>
        /// <returns>The answer.</returns>
        public static PortAnswer FromSocketError(int socketErrorCode)
        {
            switch (socketErrorCode)
            {
                case 10061:
                case 10054:
                    return PortAnswer.Answered;
                case 10060:
                case 10053:
                    return PortAnswer.Silent;
                default:
                    return PortAnswer.BoardError;
            }
        }
    }
}
