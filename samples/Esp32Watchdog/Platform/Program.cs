// Device-only: needs nanoFramework.System.Device.Gpio, System.Device.Wifi, Runtime.Native,
// System.IO.FileSystem and System.Threading, which cannot be restored on build machines. Listed in Esp32Watchdog.nfproj,
// excluded from Esp32Watchdog.csproj; keep the logic outside Platform/ where it is tested.
using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Persistence;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Status.Report;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using nanoFramework.Runtime.Native;

namespace Esp32Watchdog.Platform
{
    /// <summary>Firmware entry point: the board's hardware given to the watchdog (Wiring/), and the main loop.</summary>
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
                // An unhandled exception would leave the routers unwatched: report it, start over.
                Console.WriteLine("fatal: " + ExceptionText.Describe(ex, _stage));
            }

            Thread.Sleep(10000);
            Power.RebootDevice();
        }

        private static void Run()
        {
            // Nothing is opened before the configuration passed (it may name pins not to drive),
            // and the relays come first, so the routers' power is held from the earliest moment.
            _stage = "configuration";
            WatchdogConfig config = WatchdogSettings.Create();
            GpioController gpio = new GpioController();
            NanoGpio pins = new NanoGpio(gpio);
            string problem = config.Validate();
            NanoTransportFactory transports = problem == null ? NanoTransportFactory.Create(config, out problem) : null;
            // The judgement kept on the internal flash: relays without a working store are refused
            // (unless volatile history is accepted) before any pin is touched.
            IActionHistoryStore history = problem == null ? new FlashHistoryStore(new NanoFlashFiles(NanoFlashFiles.InternalDrive), config) : null;
            bool anyRelay = false;
            for (int i = 0; problem == null && i < config.Routers.Length; i++)
            {
                anyRelay = anyRelay || config.Routers[i].RelayGpioPin >= 0;
            }

            problem = problem == null ? JudgementKeeper.Refusal(config, history, anyRelay) : problem;
            WatchdogBoard board = new WatchdogBoard();
            board.Relays = problem == null ? BoardSetup.OpenRelays(config, pins, new ThreadDelay(), out problem) : null;
            if (problem != null)
            {
                ConfigurationRefusal.Wait(gpio, config, problem);
            }

            // Deadlines on the board's tick count: a native stall is kept, an SNTP step never seen.
            _stage = "watchdogs";
            IClock clock = new TickClock(new BoardTicks());
            GpioStatusLed led = new GpioStatusLed(gpio, config.LedGpioPin);
            BoardWatchdog boardWatchdog = new BoardWatchdog(clock, new NativeBoardReset(), config.BoardWatchdogTimeoutMilliseconds, 5000);
            boardWatchdog.Start();
            string warning;
            ExternalWatchdogPulse external = BoardSetup.StartExternalWatchdog(config, clock, pins, out problem, out warning);
            if (problem != null)
            {
                ConfigurationRefusal.Wait(gpio, config, problem);
            }

            if (warning != null)
            {
                Console.WriteLine(warning);
            }

            // The network is up once the board has an address; the date (SNTP) is waited for beside it.
            _stage = "network";
            WifiNetwork network = new WifiNetwork(config.WifiSsid, config.WifiPassword, config.Board.SntpServer1, config.Board.SntpServer2);
            led.Show(LedPattern.NoNetwork);
            network.Connect(clock.NowMilliseconds);
            boardWatchdog.Feed();
            DateWait date = new DateWait(clock.NowMilliseconds, 60000);

            board.Clock = clock;
            board.Led = led;
            board.Network = network;
            board.PortKnock = new NanoPortKnock();
            board.BoardWatchdog = boardWatchdog;
            Esp32Watchdog.Wiring.Watchdog watchdog = WatchdogAssembly.Build(config, board, new IRouterKind[] { new RouterOsKind(transports, clock, null, 0) }, Monitoring.CreateLog(config));
            WatchdogSupervisor supervisor = watchdog.Supervisor;

            // Checked above, so this takes up the kept judgement and cannot refuse.
            supervisor.AttachHistory(history);
            Console.WriteLine("watchdog running: " + supervisor.RouterCount.ToString() + " router(s); action history: " + watchdog.Status.History);
            SampledFreeMemory heap = new SampledFreeMemory(new NativeFreeMemory());
            heap.Sample();
            Monitoring.StartHttp(config, watchdog.Status, clock, heap);

            BoardButton button = new BoardButton(gpio, config, clock);
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
                button.Poll(supervisor);

                // Short sleeps while the button is in use, so a release is seen promptly.
                int cap = button.IsHeld ? 100 : MaxSleepMilliseconds;
                Thread.Sleep(wait < 100 ? 100 : (wait > cap ? cap : wait));
            }
        }
    }
}
