namespace Esp32Watchdog.Ports
{
    /// <summary>What a <see cref="Decision"/> says. Numbers are stable (logs may carry them).</summary>
    public enum DecisionCode
    {
        /// <summary>The first unhealthy round after a healthy one; the reason lists the findings.</summary>
        HealthDegraded = 1,

        /// <summary>Healthy again without any action by the watchdog.</summary>
        HealthRestored = 2,

        /// <summary>Health alternates quickly; it will not trigger an action, and further degraded/restored decisions are muted until it settles.</summary>
        Flapping = 3,

        /// <summary>Action: reboot the router through its API.</summary>
        RebootRequested = 10,

        /// <summary>The router accepted the reboot (<c>!done</c>, a dropped connection or <c>!fatal</c>).</summary>
        RebootAccepted = 11,

        /// <summary>The API reboot failed; the power-cycle fallback follows if a relay exists.</summary>
        RebootFailed = 12,

        /// <summary>Action: cycle the router's power through the relay.</summary>
        PowerCycleRequested = 13,

        /// <summary>The relay switched the power off and on again.</summary>
        PowerCycleDone = 14,

        /// <summary>The relay could not be driven; the watchdog gives up.</summary>
        PowerCycleFailed = 15,

        /// <summary>After an action, the API is back and the uptime was reset.</summary>
        RecoveryVerified = 20,

        /// <summary>After an action, the API answered but the router had not restarted (uptime not reset).</summary>
        VerificationFailed = 21,

        /// <summary>After a power-cycle, the API did not come back in time.</summary>
        PowerCycleVerificationFailed = 22,

        /// <summary>An action is due, but the back-off since the previous one has not passed.</summary>
        ActionDeferred = 30,

        /// <summary>An action is due, but nothing can be done (API dead and no relay); the watchdog keeps watching.</summary>
        ActionImpossible = 31,

        /// <summary>The rate limit is exhausted (or the relay failed): no more actions until a human acknowledges.</summary>
        GivenUp = 32,

        /// <summary>Periodic reminder that the watchdog has given up on this router.</summary>
        GivenUpReminder = 33,

        /// <summary>A human acknowledged; watching and acting resume.</summary>
        GivenUpCleared = 34,

        /// <summary>Maintenance hold started: no actions until it ends.</summary>
        MaintenanceStarted = 40,

        /// <summary>Maintenance hold ended (expired or ended by hand).</summary>
        MaintenanceEnded = 41,

        /// <summary>The router's uptime went backwards without an action of ours: it rebooted on its own (or a human did).</summary>
        RouterRebootedOnItsOwn = 50,

        /// <summary>The probe could not be used for a reason that says nothing about the router's health (wrong password, certificate, board error). Never counted.</summary>
        ProbeProblem = 51,

        /// <summary>The board lost its own network: everything is paused and nothing counts against the routers.</summary>
        BoardNetworkDown = 60,

        /// <summary>The board's network is back: watching resumes.</summary>
        BoardNetworkUp = 61,
        /// <summary>The board's button has been held far too long (shorted or stuck): ignored until released.</summary>
        ButtonStuck = 62,
        /// <summary>Warning: a connect over the plain API, which sends the password in clear (explicitly allowed).</summary>
        PlaintextConnect = 70,
        /// <summary>Actions remembered from before the board restarted count against the rate limit again.</summary>
        ActionHistoryRestored = 71,
    }
}
