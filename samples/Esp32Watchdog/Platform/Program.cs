// Device-only: needs nanoFramework.System.Device.Gpio, System.Device.Wifi, Runtime.Native and
// System.Threading, which cannot be restored on build machines. Listed in Esp32Watchdog.nfproj,
// excluded from Esp32Watchdog.csproj; keep the logic outside Platform/ where it is tested.
using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Policy;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;
using nanoFramework.Runtime.Native;

namespace Esp32Watchdog.Platform
{
    /// <summary>Firmware entry point: wires the board's hardware to the watchdog and runs it.</summary>
    public static class Program
    {
        // The main loop never sleeps longer than this, so the monotonic clock is read often.
        private const int MaxSleepMilliseconds = 1000;

        /// <summary>Runs the watchdog; never returns. Anything that escapes restarts the board.</summary>
        public static void Main()
        {
            try
            {
                Run();
            }
            catch (Exception ex)
            {
                // An unhandled exception would end the program silently and leave the routers
                // unwatched: report it and start over.
                Console.WriteLine("fatal: " + ex.Message);
            }

            Thread.Sleep(10000);
            Power.RebootDevice();
        }

        private static void Run()
        {
            WatchdogConfig config = WatchdogSettings.Create();
            GpioController gpio = new GpioController();
            GpioStatusLed led = new GpioStatusLed(gpio, config.LedGpioPin);

            string problem = config.Validate();
            if (problem != null)
            {
                Console.WriteLine("configuration refused: " + problem + " (edit Configuration/WatchdogSettings.cs)");
                led.Show(LedPattern.GivenUp);
                Thread.Sleep(Timeout.Infinite);
            }

            // Relays first: their pins must hold the routers' power on from the earliest moment.
            int count = config.Routers.Length;
            IPowerRelay[] relays = new IPowerRelay[count];
            bool anyTls = false;
            for (int i = 0; i < count; i++)
            {
                RouterConfig router = config.Routers[i];
                if (router.RelayGpioPin >= 0)
                {
                    relays[i] = new GpioPowerRelay(gpio, router.RelayGpioPin, config.RelayActiveHigh);
                }

                anyTls = anyTls || router.UseTls;
            }

            IClock clock = new SystemClock();
            WatchdogStatus status = Monitoring.CreateStatus(config, new ConsoleDecisionLog(), clock);
            IDecisionLog log = status;
            BoardWatchdog boardWatchdog = new BoardWatchdog(clock, new NativeBoardReset(), config.BoardWatchdogTimeoutMilliseconds, 5000);
            boardWatchdog.Start();

            // Certificate validation needs the real date: wait for SNTP when TLS is used.
            WifiNetwork network = new WifiNetwork(config.WifiSsid, config.WifiPassword, anyTls);
            led.Show(LedPattern.NoNetwork);
            network.Connect(clock.NowMilliseconds);
            boardWatchdog.Feed();

            IRouterProbe[] probes = new IRouterProbe[count];
            IRouterRebooter[] rebooters = new IRouterRebooter[count];
            NanoTransportFactory transports = new NanoTransportFactory(config.Routers);
            for (int i = 0; i < count; i++)
            {
                ClientOptions options = new ClientOptions();
                options.Clock = clock;
                options.LoginTimeoutMilliseconds = config.ProbeTimeoutMilliseconds;
                RouterSession session = new RouterSession(config.Routers[i], transports, options);
                probes[i] = new StatusProbe(new RouterOsProbe(session, config), status, i);
                rebooters[i] = new RouterOsRebooter(session, config, status, i);
            }

            // Held low (pressed) when the main loop looks: acknowledge given-up routers.
            GpioPin button = config.AcknowledgeButtonGpioPin >= 0
                ? gpio.OpenPin(config.AcknowledgeButtonGpioPin, PinMode.InputPullUp)
                : null;

            WatchdogSupervisor supervisor = new WatchdogSupervisor(
                config, probes, rebooters, relays, led, log, network, clock, boardWatchdog);
            Console.WriteLine("watchdog running: " + count.ToString() + " router(s)");
            Monitoring.StartHttp(config, status, clock);

            while (true)
            {
                int wait = supervisor.Tick();
                status.Capture(supervisor);
                boardWatchdog.Feed();
                network.Maintain(clock.NowMilliseconds);
                boardWatchdog.Feed();
                if (button != null && button.Read() == PinValue.Low)
                {
                    supervisor.AcknowledgeAll();
                }

                Thread.Sleep(wait < 100 ? 100 : (wait > MaxSleepMilliseconds ? MaxSleepMilliseconds : wait));
            }
        }
    }
}
