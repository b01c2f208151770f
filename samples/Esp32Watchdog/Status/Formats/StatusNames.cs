using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;

namespace Esp32Watchdog.Status.Formats
{
    /// <summary>Names of the enums the status shows (enum names are not available at run time on nanoFramework).</summary>
    public static class StatusNames
    {
        /// <summary>The name of a policy state.</summary>
        /// <param name="state">The state.</param>
        /// <returns>E.g. "VerifyingReboot".</returns>
        public static string Of(RouterState state)
        {
            switch (state)
            {
                case RouterState.Monitoring: return "Monitoring";
                case RouterState.VerifyingReboot: return "VerifyingReboot";
                case RouterState.VerifyingPowerCycle: return "VerifyingPowerCycle";
                case RouterState.Maintenance: return "Maintenance";
                case RouterState.GivenUp: return "GivenUp";
                default: return "Unknown";
            }
        }

        /// <summary>The name of a router status (the LED's view).</summary>
        /// <param name="status">The status.</param>
        /// <returns>E.g. "Degraded".</returns>
        public static string Of(RouterStatus status)
        {
            switch (status)
            {
                case RouterStatus.Healthy: return "Healthy";
                case RouterStatus.Maintenance: return "Maintenance";
                case RouterStatus.Degraded: return "Degraded";
                case RouterStatus.Acting: return "Acting";
                case RouterStatus.GivenUp: return "GivenUp";
                default: return "Unknown";
            }
        }

        /// <summary>The name of a probe failure.</summary>
        /// <param name="failure">The failure.</param>
        /// <returns>E.g. "Timeout"; "None" when the API was used.</returns>
        public static string Of(ProbeFailure failure)
        {
            switch (failure)
            {
                case ProbeFailure.None: return "None";
                case ProbeFailure.ConnectFailed: return "ConnectFailed";
                case ProbeFailure.Timeout: return "Timeout";
                case ProbeFailure.TlsRejected: return "TlsRejected";
                case ProbeFailure.LoginRejected: return "LoginRejected";
                case ProbeFailure.ProtocolError: return "ProtocolError";
                case ProbeFailure.ProbeError: return "ProbeError";
                default: return "Unknown";
            }
        }

        /// <summary>All policy states, in the order <see cref="RouterState"/> numbers them (for a Prometheus state set).</summary>
        public static readonly RouterState[] States = new RouterState[]
        {
            RouterState.Monitoring, RouterState.VerifyingReboot, RouterState.VerifyingPowerCycle,
            RouterState.Maintenance, RouterState.GivenUp,
        };
    }
}
