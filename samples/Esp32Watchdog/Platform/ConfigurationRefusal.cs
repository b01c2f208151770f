// Device-only: needs nanoFramework.System.Device.Gpio and System.Threading. Listed in Esp32Watchdog.nfproj, excluded from the host build.
using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Platform
{
    /// <summary>What the board does with a configuration it cannot run: says why and waits, never a reboot loop.</summary>
    internal static class ConfigurationRefusal
    {
        /// <summary>
        /// Never returns: the board waits for a corrected configuration, LED steady, no pin but the
        /// LED's touched (and not even that one when a relay is on it: it would switch a router's power).
        /// </summary>
        internal static void Wait(GpioController gpio, WatchdogConfig config, string problem)
        {
            Console.WriteLine("configuration refused: " + problem + " (edit Configuration/WatchdogSettings.cs)");
            bool ledIsRelay = false;
            for (int i = 0; config.Routers != null && i < config.Routers.Length; i++)
            {
                ledIsRelay = ledIsRelay || (config.Routers[i] != null && config.Routers[i].RelayGpioPin == config.LedGpioPin);
            }

            if (config.LedGpioPin >= 0 && !ledIsRelay)
            {
                new GpioStatusLed(gpio, config.LedGpioPin).Show(LedPattern.GivenUp);
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
