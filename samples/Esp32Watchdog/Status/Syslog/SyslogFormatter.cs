using System;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;

namespace Esp32Watchdog.Status.Syslog
{
    /// <summary>
    /// Formats a decision as one RFC 5424 syslog message:
    /// <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME esp32-watchdog - MSGID - ROUTER: REASON</c>, facility
    /// local0, MSGID the decision's code name. At most 480 bytes (what every receiver must accept,
    /// RFC 5424 6.1); a longer reason is cut.
    /// </summary>
    /// <remarks>
    /// TIMESTAMP is the nil value "-" until the board's clock was set (SNTP); a receiver then
    /// stamps the message itself. MSG is plain ASCII without a BOM unless the text holds other
    /// characters, which are sent as UTF-8 after the BOM as RFC 5424 requires.
    /// </remarks>
    public static class SyslogFormatter
    {
        /// <summary>The largest message, in bytes.</summary>
        public const int MaxMessageBytes = 480;

        /// <summary>The facility: local0.</summary>
        public const int Facility = 16;

        /// <summary>APP-NAME.</summary>
        public const string AppName = "esp32-watchdog";

        /// <summary>The severity of a decision: 3 error (gave up, relay failed), 4 warning (actions, findings), 5 notice (the rest).</summary>
        /// <param name="code">The decision code.</param>
        /// <returns>The RFC 5424 severity.</returns>
        public static int SeverityOf(DecisionCode code)
        {
            switch (code)
            {
                case DecisionCode.GivenUp:
                case DecisionCode.GivenUpReminder:
                case DecisionCode.PowerCycleFailed:
                case DecisionCode.PowerCycleVerificationFailed:
                    return 3;
                case DecisionCode.HealthDegraded:
                case DecisionCode.Flapping:
                case DecisionCode.RebootRequested:
                case DecisionCode.RebootFailed:
                case DecisionCode.PowerCycleRequested:
                case DecisionCode.VerificationFailed:
                case DecisionCode.ActionImpossible:
                case DecisionCode.RouterRebootedOnItsOwn:
                case DecisionCode.ProbeProblem:
                case DecisionCode.BoardNetworkDown:
                case DecisionCode.PlaintextConnect:
                case DecisionCode.ButtonStuck:
                    return 4;
                default:
                    return 5;
            }
        }

        /// <summary>Writes the message; the writer should hold <see cref="MaxMessageBytes"/>.</summary>
        /// <param name="decision">The decision.</param>
        /// <param name="hostName">HOSTNAME (the board's name, printable ASCII).</param>
        /// <param name="clockSet">Whether <paramref name="utcNow"/> is real time (else TIMESTAMP is "-").</param>
        /// <param name="utcNow">The time of the message, UTC.</param>
        /// <param name="w">The output, cleared first.</param>
        public static void Write(Decision decision, string hostName, bool clockSet, DateTime utcNow, ByteWriter w)
        {
            w.Clear();
            w.Byte((byte)'<');
            w.Number(Facility * 8 + SeverityOf(decision.Code));
            w.Text(">1 ");
            if (clockSet)
            {
                w.Padded(utcNow.Year, 4);
                w.Byte((byte)'-');
                w.Padded(utcNow.Month, 2);
                w.Byte((byte)'-');
                w.Padded(utcNow.Day, 2);
                w.Byte((byte)'T');
                w.Padded(utcNow.Hour, 2);
                w.Byte((byte)':');
                w.Padded(utcNow.Minute, 2);
                w.Byte((byte)':');
                w.Padded(utcNow.Second, 2);
                w.Byte((byte)'.');
                w.Padded(utcNow.Millisecond, 3);
                w.Byte((byte)'Z');
            }
            else
            {
                w.Byte((byte)'-');
            }

            w.Byte((byte)' ');
            w.Text(hostName == null || hostName.Length == 0 ? "-" : hostName, 255);
            w.Byte((byte)' ');
            w.Text(AppName);
            w.Text(" - ");
            w.Text(Decision.NameOf(decision.Code), 32);
            w.Text(" - ");
            if (!IsAscii(decision.RouterName) || !IsAscii(decision.Reason))
            {
                w.Byte(0xEF);
                w.Byte(0xBB);
                w.Byte(0xBF);
            }

            w.Text(decision.RouterName);
            if (decision.Reason.Length > 0)
            {
                w.Text(": ");
                w.Text(decision.Reason);
            }

            w.KeepWhatFitted();
        }

        private static bool IsAscii(string text)
        {
            if (text == null)
            {
                return true;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > '~' || text[i] < ' ')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
