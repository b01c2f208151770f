using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>
    /// The relay boots on nanoFramework's GPIO rules: no latch before Output, Output drives Low
    /// first. An active-low module on NC is never driven until a cut; a failure is a refusal.
    /// </summary>
    [TestClass]
    public class GpioRelayTests
    {
        /// <summary>The old driver's sequence (open as input, write the powered level) throws on nanoFramework: the boot loop of issue 19.</summary>
        [TestMethod]
        public static void LatchBeforeOutputThrowsOnNanoFramework()
        {
            FakeGpio gpio = new FakeGpio();
            IGpioPin pin = gpio.OpenPin(26, GpioMode.Input);
            Assert.ThrowsException(typeof(ArgumentException), () => pin.Write(true));
        }

        /// <summary>Active-low on NC (powered = High): released at boot, Output-Low only during the cut, released again.</summary>
        [TestMethod]
        public static void ActiveLowNormallyClosedIsNeverDrivenUntilACut()
        {
            FakeGpio gpio = new FakeGpio();
            RecordingDelay delay = new RecordingDelay(null);
            string problem;
            GpioRelay relay = GpioRelay.Open(gpio, delay, 26, RelayPolarity.ActiveLow, RelayContact.NormallyClosed, out problem);
            Assert.IsNull(problem);
            Assert.IsNotNull(relay);
            Assert.IsFalse(gpio.EverAt(26, "L"), "the coil was energised at boot");
            Assert.AreEqual(1, gpio.Trace.Count);

            relay.PowerCycle(10000);
            Assert.AreEqual("26:Z|26:L|26:L|26:Z", Join(gpio));
            Assert.AreEqual(10000L, delay.Slept);
            Assert.IsFalse(relay.IsCut);
        }

        /// <summary>Active-high on NC (powered = Low): opened as Output directly, High only during the cut.</summary>
        [TestMethod]
        public static void ActiveHighNormallyClosedOpensAsOutputLow()
        {
            FakeGpio gpio = new FakeGpio();
            string problem;
            GpioRelay relay = GpioRelay.Open(gpio, new RecordingDelay(null), 26, RelayPolarity.ActiveHigh, RelayContact.NormallyClosed, out problem);
            Assert.IsNotNull(relay);
            Assert.IsFalse(gpio.EverAt(26, "H"));
            relay.PowerCycle(5000);
            Assert.AreEqual("26:L|26:L|26:H|26:L", Join(gpio));
        }

        /// <summary>The power comes back even when the wait fails.</summary>
        [TestMethod]
        public static void PowerComesBackWhenTheWaitThrows()
        {
            FakeGpio gpio = new FakeGpio();
            string problem;
            GpioRelay relay = GpioRelay.Open(gpio, new ThrowingDelay(), 26, RelayPolarity.ActiveLow, RelayContact.NormallyClosed, out problem);
            Assert.ThrowsException(typeof(InvalidOperationException), () => relay.PowerCycle(1000));
            Assert.AreEqual("26:Z", (string)gpio.Trace[gpio.Trace.Count - 1]);
            Assert.IsFalse(relay.IsCut);
        }

        /// <summary>A missing or input-only pin is a clear problem, never an exception.</summary>
        [TestMethod]
        [DataRow(20)]
        [DataRow(35)]
        [DataRow(40)]
        public static void BadPinIsAProblemNotACrash(int pin)
        {
            string problem;
            GpioRelay relay = GpioRelay.Open(new FakeGpio(), new RecordingDelay(null), pin, RelayPolarity.ActiveLow, RelayContact.NormallyClosed, out problem);
            Assert.IsNull(relay);
            Assert.Contains("relay pin " + pin.ToString(), problem);
        }

        /// <summary>Unset polarity or contact is refused at set-up too.</summary>
        [TestMethod]
        public static void UnsetLevelsAreAProblem()
        {
            string problem;
            Assert.IsNull(GpioRelay.Open(new FakeGpio(), new RecordingDelay(null), 26, RelayPolarity.NotSet, RelayContact.NormallyClosed, out problem));
            Assert.Contains("not set", problem);
        }

        private static string Join(FakeGpio gpio)
        {
            string text = string.Empty;
            for (int i = 0; i < gpio.Trace.Count; i++)
            {
                text += (i == 0 ? string.Empty : "|") + (string)gpio.Trace[i];
            }

            return text;
        }

        private sealed class ThrowingDelay : IDelay
        {
            public void Sleep(int milliseconds)
            {
                throw new InvalidOperationException();
            }
        }
    }
}
