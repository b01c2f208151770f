using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Wiring
{
    /// <summary>
    /// Opens the board's safety hardware from a configuration that passed
    /// <see cref="WatchdogConfig.Validate"/>: the relays first (each straight into the state that
    /// keeps its router powered), then the external watchdog's pin. Portable over the
    /// <see cref="IGpio"/> port, so <c>Platform/Program.cs</c> stays board glue and the order and the
    /// refusals are tested on the host. Never throws: a part that cannot be set up is a problem to
    /// refuse the configuration with, never a reboot loop.
    /// </summary>
    public static class BoardSetup
    {
        /// <summary>Opens one relay per router that has one (null slots for the others).</summary>
        /// <param name="config">The configuration.</param>
        /// <param name="gpio">The board's GPIO.</param>
        /// <param name="delay">Waits while a relay holds the power off.</param>
        /// <param name="problem">Null on success, else which router's relay failed and why.</param>
        /// <returns>The relays in the configuration's order, or null when one failed.</returns>
        public static IPowerRelay[] OpenRelays(WatchdogConfig config, IGpio gpio, IDelay delay, out string problem)
        {
            problem = null;
            IPowerRelay[] relays = new IPowerRelay[config.Routers.Length];
            for (int i = 0; i < relays.Length; i++)
            {
                RouterConfig router = config.Routers[i];
                if (router.RelayGpioPin < 0)
                {
                    continue;
                }

                string relayProblem;
                relays[i] = GpioRelay.Open(gpio, delay, router.RelayGpioPin, config.RelayPolarity, config.RelayContact, out relayProblem);
                if (relays[i] == null)
                {
                    problem = "router " + router.Name + ": " + relayProblem;
                    return null;
                }
            }

            return relays;
        }

        /// <summary>
        /// Opens and starts the external hardware watchdog's pulse when a pin is configured; with
        /// none, says whether that leaves a TLS router able to freeze the board.
        /// </summary>
        /// <param name="config">The configuration.</param>
        /// <param name="clock">The monotonic clock the feeds are judged by.</param>
        /// <param name="gpio">The board's GPIO.</param>
        /// <param name="problem">Null on success, else why the pin could not be opened.</param>
        /// <param name="warning">A line to print when TLS runs without an external watchdog; else null.</param>
        /// <returns>The started pulse, or null (none configured, or a problem).</returns>
        public static ExternalWatchdogPulse StartExternalWatchdog(WatchdogConfig config, IClock clock, IGpio gpio, out string problem, out string warning)
        {
            problem = null;
            warning = null;
            if (config.Board.ExternalWatchdogGpioPin < 0)
            {
                for (int i = 0; i < config.Routers.Length; i++)
                {
                    if (config.Routers[i].UseTls)
                    {
                        warning = "warning: TLS without an external watchdog: a silent API-SSL peer can freeze this board (accepted in the configuration)";
                    }
                }

                return null;
            }

            try
            {
                IGpioPin pin = gpio.OpenPin(config.Board.ExternalWatchdogGpioPin, GpioMode.Output);
                ExternalWatchdogPulse pulse = new ExternalWatchdogPulse(clock, pin, config.BoardWatchdogTimeoutMilliseconds, config.Board.ExternalWatchdogToggleMilliseconds);
                pulse.Start();
                return pulse;
            }
            catch (Exception ex)
            {
                problem = "external watchdog pin: " + ExceptionText.Describe(ex, "OpenPin");
                return null;
            }
        }
    }
}
