using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>The external watchdog's pin toggles only while the main loop feeds it (virtual time).</summary>
    [TestClass]
    public class ExternalWatchdogPulseTests
    {
        /// <summary>Fed: every tick toggles; a stale feed stops the toggling (the supervisor then resets); a feed resumes it.</summary>
        [TestMethod]
        public static void TogglesOnlyWhileFed()
        {
            ManualClock clock = new ManualClock();
            FakeGpio gpio = new FakeGpio();
            IGpioPin pin = gpio.OpenPin(32, GpioMode.Output);
            ExternalWatchdogPulse pulse = new ExternalWatchdogPulse(clock, pin, 180000, 500);
            for (int i = 0; i < 10; i++)
            {
                clock.Advance(500);
                Assert.IsTrue(pulse.Tick());
            }

            Assert.AreEqual(10, pulse.Toggles);
            Assert.IsTrue(gpio.EverAt(32, "H") && gpio.EverAt(32, "L"));

            clock.Advance(180001);
            Assert.IsFalse(pulse.Tick(), "a stuck main loop must let the supervisor fire");
            Assert.AreEqual(10, pulse.Toggles);

            pulse.Feed();
            clock.Advance(500);
            Assert.IsTrue(pulse.Tick());
        }
    }
}
