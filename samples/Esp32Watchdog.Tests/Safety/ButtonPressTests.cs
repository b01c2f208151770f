using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>
    /// The button acts only on a debounced long press, decided on release: a tap, a bounce or a
    /// shorted button does nothing (a shorted button used to acknowledge on every loop).
    /// </summary>
    [TestClass]
    public class ButtonPressTests
    {
        private static ButtonPress New()
        {
            return new ButtonPress(TestConfigs.Valid());
        }

        // Holds the button from `at` for `held` ms (sampled every 20 ms), then releases it for 200 ms.
        private static long Press(ButtonPress b, long at, long held)
        {
            long t = at;
            for (; t < at + held; t += 20)
            {
                b.Update(true, t);
            }

            for (long end = t + 200; t <= end; t += 20)
            {
                b.Update(false, t);
            }

            return t;
        }

        /// <summary>A short tap does nothing.</summary>
        [TestMethod]
        public static void ShortTapDoesNothing()
        {
            ButtonPress b = New();
            Press(b, 1000, 300);
            Assert.AreEqual((int)ButtonGesture.None, (int)b.TakeGesture());
        }

        /// <summary>A second and a half acknowledges, once.</summary>
        [TestMethod]
        public static void LongPressAcknowledgesOnce()
        {
            ButtonPress b = New();
            Press(b, 1000, 1500);
            Assert.AreEqual((int)ButtonGesture.Acknowledge, (int)b.TakeGesture());
            Assert.AreEqual((int)ButtonGesture.None, (int)b.TakeGesture());
        }

        /// <summary>Six seconds asks for maintenance.</summary>
        [TestMethod]
        public static void VeryLongPressAsksForMaintenance()
        {
            ButtonPress b = New();
            Press(b, 1000, 6000);
            Assert.AreEqual((int)ButtonGesture.Maintenance, (int)b.TakeGesture());
        }

        /// <summary>A bounce in the middle of a hold does not cut it into two short presses.</summary>
        [TestMethod]
        public static void BounceDoesNotSplitAPress()
        {
            ButtonPress b = New();
            b.Update(true, 1000);
            b.Update(false, 1600);
            b.Update(true, 1610);
            b.Update(true, 2200);
            b.Update(false, 2300);
            Assert.AreEqual((int)ButtonGesture.None, (int)b.TakeGesture());
            b.Update(false, 2400);
            Assert.AreEqual((int)ButtonGesture.Acknowledge, (int)b.TakeGesture());
        }

        /// <summary>A shorted button never acts, is reported once, and works again once released.</summary>
        [TestMethod]
        public static void ShortedButtonNeverActs()
        {
            ButtonPress b = New();
            int reports = 0;
            for (long t = 0; t < 3600000; t += 100)
            {
                b.Update(true, t);
                Assert.AreEqual((int)ButtonGesture.None, (int)b.TakeGesture());
                if (b.TakeStuckReport())
                {
                    reports++;
                }
            }

            Assert.IsTrue(b.IsStuck);
            Assert.AreEqual(1, reports);
            b.Update(false, 3600000);
            b.Update(false, 3600100);
            Assert.AreEqual((int)ButtonGesture.None, (int)b.TakeGesture());
            Assert.IsFalse(b.IsStuck);

            Press(b, 3700000, 1500);
            Assert.AreEqual((int)ButtonGesture.Acknowledge, (int)b.TakeGesture());
        }
    }
}
