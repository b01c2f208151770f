using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using Esp32Watchdog.Wiring;
using Mikrotik.Nano;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Wiring
{
    /// <summary>The firmware's hardware set-up, as Platform/Program.cs runs it, through a GPIO with nanoFramework's rules.</summary>
    [TestClass]
    public class BoardSetupTests
    {
        /// <summary>One relay per router that has one, opened straight into "powered" (no glitch on the line); none for the others.</summary>
        [TestMethod]
        public static void RelaysOpenPoweredInTheRoutersOrder()
        {
            WatchdogConfig config = TwoRouters(26, -1);
            FakeGpio gpio = new FakeGpio();
            string problem;
            IPowerRelay[] relays = BoardSetup.OpenRelays(config, gpio, new RecordingDelay(new ManualClock()), out problem);
            Assert.IsNull(problem);
            Assert.AreEqual(2, relays.Length);
            Assert.IsNotNull(relays[0]);
            Assert.IsNull(relays[1]);

            // Active-high on NC: powered is Low, and the line is never High before a cut.
            Assert.IsFalse(gpio.EverAt(26, "H"));
        }

        /// <summary>A relay that cannot be opened is a problem naming the router, never an exception.</summary>
        [TestMethod]
        public static void ARelayThatCannotOpenIsAProblem()
        {
            WatchdogConfig config = TwoRouters(26, 36);
            string problem;
            IPowerRelay[] relays = BoardSetup.OpenRelays(config, new FakeGpio(), new RecordingDelay(new ManualClock()), out problem);
            Assert.IsNull(relays);
            Assert.Contains("router second", problem);
        }

        /// <summary>The external watchdog's pin opens and pulses; an input-only pin is a problem; TLS without one is a warning.</summary>
        [TestMethod]
        public static void TheExternalWatchdogStartsOrSaysWhy()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            FakeGpio gpio = new FakeGpio();
            string problem;
            string warning;
            ExternalWatchdogPulse pulse = BoardSetup.StartExternalWatchdog(config, new ManualClock(), gpio, out problem, out warning);
            Assert.IsNotNull(pulse);
            pulse.Dispose();
            Assert.IsNull(problem);
            Assert.IsNull(warning);

            config.Board.ExternalWatchdogGpioPin = 36;
            Assert.IsNull(BoardSetup.StartExternalWatchdog(config, new ManualClock(), gpio, out problem, out warning));
            Assert.Contains("external watchdog pin", problem);

            config.Board.ExternalWatchdogGpioPin = -1;
            Assert.IsNull(BoardSetup.StartExternalWatchdog(config, new ManualClock(), gpio, out problem, out warning));
            Assert.IsNull(problem);
            Assert.Contains("TLS without an external watchdog", warning);
        }

        private static WatchdogConfig TwoRouters(int firstRelay, int secondRelay)
        {
            WatchdogConfig config = TestConfigs.Valid(firstRelay);
            RouterConfig second = TestConfigs.Valid(secondRelay).Routers[0];
            second.Name = "second";
            config.Routers = new RouterConfig[] { config.Routers[0], second };
            return config;
        }
    }
}
