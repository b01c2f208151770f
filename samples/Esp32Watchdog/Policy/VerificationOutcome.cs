namespace Esp32Watchdog.Policy
{
    /// <summary>What one probe round says about an action that is being verified (see <see cref="RecoveryVerifier"/>).</summary>
    public enum VerificationOutcome
    {
        /// <summary>No verdict yet: keep waiting.</summary>
        Waiting,

        /// <summary>The router restarted and answers: the action worked.</summary>
        Verified,

        /// <summary>The board could not probe until the deadline: no evidence either way.</summary>
        CannotVerify,

        /// <summary>The router answers after a power-cycle with an uptime that did not reset: the relay did nothing.</summary>
        PowerCycleNoEffect,

        /// <summary>The router answers but its uptime did not reset by the deadline.</summary>
        UptimeNotReset,

        /// <summary>The router answers but no uptime could be read by the deadline.</summary>
        UptimeUnknown,

        /// <summary>The API is still silent when the power-cycle's deadline passed.</summary>
        PowerCycleNotBack,

        /// <summary>The API is still silent long after an API reboot: the power-cycle fallback is due.</summary>
        FallbackDue,
    }
}
