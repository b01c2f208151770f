using Esp32Watchdog.Health;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Status.Formats
{
    /// <summary>Names of the enums the status shows (enum names are not available at run time on nanoFramework).</summary>
    public static class StatusNames
    {
        /// <summary>The name of a policy state.</summary>
        /// <param name="state">The state.</param>
        /// <returns>E.g. "VerifyingReboot".</returns>
        public static string Of(PolicyState state)
        {
            switch (state)
            {
                case PolicyState.Monitoring: return "Monitoring";
                case PolicyState.VerifyingReboot: return "VerifyingReboot";
                case PolicyState.VerifyingPowerCycle: return "VerifyingPowerCycle";
                case PolicyState.Maintenance: return "Maintenance";
                case PolicyState.GivenUp: return "GivenUp";
                default: return "Unknown";
            }
        }

        /// <summary>The name of a router status (the LED's view).</summary>
        /// <param name="status">The status.</param>
        /// <returns>E.g. "Degraded".</returns>
        public static string Of(RouterCondition status)
        {
            switch (status)
            {
                case RouterCondition.Healthy: return "Healthy";
                case RouterCondition.Maintenance: return "Maintenance";
                case RouterCondition.Degraded: return "Degraded";
                case RouterCondition.Acting: return "Acting";
                case RouterCondition.GivenUp: return "GivenUp";
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

        /// <summary>All policy states, in the order <see cref="PolicyState"/> numbers them (for a Prometheus state set).</summary>
        public static readonly PolicyState[] States = new PolicyState[]
        {
            PolicyState.Monitoring, PolicyState.VerifyingReboot, PolicyState.VerifyingPowerCycle,
            PolicyState.Maintenance, PolicyState.GivenUp,
        };
    }
}
