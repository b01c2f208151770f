// Device-only: needs nanoFramework.System.Device.Gpio, System.Device.Wifi, Runtime.Native and
// System.Threading, which cannot be restored on build machines. Listed in Esp32Watchdog.nfproj,
// excluded from Esp32Watchdog.csproj; keep the logic outside Platform/ where it is tested.
using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using nanoFramework.Runtime.Native;

namespace Esp32Watchdog.Platform
{
    /// <summary>Firmware entry point: wires the board's hardware to the watchdog and runs it.</summary>
    public static class Program
    {
        // The main loop never sleeps longer than this, so the monotonic clock is read often.
        private const int MaxSleepMilliseconds = 1000;

        // Where Run is, for the fatal line.
        private static string _stage = "start";

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
                Console.WriteLine("fatal: " + ExceptionText.Describe(ex, _stage));
            }

            Thread.Sleep(10000);
            Power.RebootDevice();
        }

        private static void Run()
        {
            _stage = "configuration";
            WatchdogConfig config = WatchdogSettings.Create();
            GpioController gpio = new GpioController();
            NanoGpio pins = new NanoGpio(gpio);

            // Nothing is opened before the configuration passed: a refused configuration may name
            // pins that must not be driven.
            string problem = config.Validate();
            NanoTransportFactory transports = problem == null ? NanoTransportFactory.Create(config, out problem) : null;
            if (problem != null)
            {
                Refuse(gpio, config, problem);
            }

            // Relays first, each opened straight into the state that keeps its router powered (an
            // active-low module on NC is not driven at all). A relay that cannot be set up refuses
            // the configuration: never a reboot loop.
            _stage = "relay set-up";
            WatchdogBoard board = new WatchdogBoard();
            board.Relays = new IPowerRelay[config.Routers.Length];
            bool anyTls = false;
            for (int i = 0; i < board.Relays.Length; i++)
            {
                RouterConfig router = config.Routers[i];
                if (router.RelayGpioPin >= 0)
                {
                    string relayProblem;
                    board.Relays[i] = GpioRelay.Open(pins, new ThreadDelay(), router.RelayGpioPin, config.RelayPolarity, config.RelayContact, out relayProblem);
                    if (board.Relays[i] == null)
                    {
                        Refuse(gpio, config, "router " + router.Name + ": " + relayProblem);
                    }
                }

                anyTls = anyTls || router.UseTls;
            }

            GpioStatusLed led = new GpioStatusLed(gpio, config.LedGpioPin);
            // Deadlines on the board's tick count: a native stall is kept, an SNTP step never seen.
            IClock clock = new TickClock(new BoardTicks());
            board.Clock = clock;
            board.Led = led;

            // A managed timer: it catches a stalled main loop, but not a runtime stalled in
            // native code. For that, the external hardware watchdog (required with TLS; README).
            _stage = "watchdogs";
            BoardWatchdog boardWatchdog = new BoardWatchdog(clock, new NativeBoardReset(), config.BoardWatchdogTimeoutMilliseconds, 5000);
            board.BoardWatchdog = boardWatchdog;
            boardWatchdog.Start();
            ExternalWatchdogPulse external = null;
            if (config.Board.ExternalWatchdogGpioPin >= 0)
            {
                try
                {
                    IGpioPin wdi = pins.OpenPin(config.Board.ExternalWatchdogGpioPin, GpioMode.Output);
                    external = new ExternalWatchdogPulse(clock, wdi, config.BoardWatchdogTimeoutMilliseconds, config.Board.ExternalWatchdogToggleMilliseconds);
                    external.Start();
                }
                catch (Exception ex)
                {
                    Refuse(gpio, config, "external watchdog pin: " + ExceptionText.Describe(ex, "OpenPin"));
                }
            }
            else if (anyTls)
            {
                Console.WriteLine("warning: TLS without an external watchdog: a silent API-SSL peer can freeze this board (accepted in the configuration)");
            }

            // The network is up once the board has an address; the date (SNTP) is waited for
            // beside it and logged.
            _stage = "network";
            WifiNetwork network = new WifiNetwork(config.WifiSsid, config.WifiPassword, config.Board.SntpServer1, config.Board.SntpServer2);
            board.Network = network;
            led.Show(LedPattern.NoNetwork);
            network.Connect(clock.NowMilliseconds);
            boardWatchdog.Feed();
            DateWait date = new DateWait(clock.NowMilliseconds, 60000);

            Esp32Watchdog.Wiring.Watchdog watchdog = WatchdogAssembly.Build(config, board, new IRouterKind[] { new RouterOsKind(transports, clock, null, 0) }, Monitoring.CreateLog(config));
            WatchdogSupervisor supervisor = watchdog.Supervisor;

            // No action-history store on this build (no file-system package): history in RAM.
            supervisor.AttachHistory(null);
            Console.WriteLine("watchdog running: " + supervisor.RouterCount.ToString() + " router(s); action history in RAM only (the startup grace covers a restart)");
            SampledFreeMemory heap = new SampledFreeMemory(new NativeFreeMemory());
            heap.Sample();
            Monitoring.StartHttp(config, watchdog.Status, clock, heap);

            // The button (to ground): debounced, decided on release; interrupts see short presses
            // the main loop would miss while a probe blocks.
            ButtonPress press = new ButtonPress(config);
            GpioPin button = null;
            if (config.AcknowledgeButtonGpioPin >= 0)
            {
                button = gpio.OpenPin(config.AcknowledgeButtonGpioPin, PinMode.InputPullUp);
                button.ValueChanged += (sender, e) => press.Update(e.ChangeType == PinEventTypes.Falling, clock.NowMilliseconds);
            }

            _stage = "main loop";
            while (true)
            {
                int wait = supervisor.Tick();
                heap.Sample();
                boardWatchdog.Feed();
                if (external != null)
                {
                    external.Feed();
                }

                string dateLine = date.Check(clock.NowMilliseconds, DateTime.UtcNow.Year);
                if (dateLine != null)
                {
                    Console.WriteLine(dateLine);
                }

                network.Maintain(clock.NowMilliseconds);
                boardWatchdog.Feed();
                if (button != null)
                {
                    press.Update(button.Read() == PinValue.Low, clock.NowMilliseconds);
                    supervisor.OnButton(press.TakeGesture());
                    if (press.TakeStuckReport())
                    {
                        supervisor.ReportButtonStuck();
                    }
                }

                // Short sleeps while the button is in use, so a release is seen promptly.
                int cap = button != null && button.Read() == PinValue.Low ? 100 : MaxSleepMilliseconds;
                Thread.Sleep(wait < 100 ? 100 : (wait > cap ? cap : wait));
            }
        }

        // Never returns: the board waits for a corrected configuration, LED steady, no pin but the
        // LED's touched (and not even that one when it is the problem).
        private static void Refuse(GpioController gpio, WatchdogConfig config, string problem)
        {
            Console.WriteLine("configuration refused: " + problem + " (edit Configuration/WatchdogSettings.cs)");
            bool ledIsRelay = false;
            for (int i = 0; config.Routers != null && i < config.Routers.Length; i++)
            {
                ledIsRelay = ledIsRelay || (config.Routers[i] != null && config.Routers[i].RelayGpioPin == config.LedGpioPin);
            }

            // A relay on the LED's pin would switch the router's power with the LED.
            if (config.LedGpioPin >= 0 && !ledIsRelay)
            {
                GpioStatusLed led = new GpioStatusLed(gpio, config.LedGpioPin);
                led.Show(LedPattern.GivenUp);
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
