// Device-only: nanoFramework.System.Device.Gpio cannot be restored on build machines. Listed in
// Esp32Watchdog.nfproj, excluded from Esp32Watchdog.csproj.
using System;
using System.Device.Gpio;
using System.Threading;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;

namespace Esp32Watchdog.Platform
{
    /// <summary>The status LED on a GPIO pin, blinked by its own thread.</summary>
    internal sealed class GpioStatusLed : IStatusLed
    {
        // On/off durations in ms per LedPattern value, repeated.
        private static readonly int[][] Patterns = new int[][]
        {
            new int[] { 50, 2950 },            // Healthy
            new int[] { 1000, 1000 },          // Maintenance
            new int[] { 100, 200, 100, 2600 }, // Degraded
            new int[] { 100, 100 },            // Acting
            new int[] { 900, 100 },            // NoNetwork
            new int[] { 1000, 0 },             // GivenUp: steady
        };

        private readonly GpioPin _pin;
        private int _pattern;

        public GpioStatusLed(GpioController gpio, int pinNumber)
        {
            if (pinNumber < 0)
            {
                return;
            }

            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
            new Thread(Blink).Start();
        }

        public void Show(LedPattern pattern)
        {
            _pattern = (int)pattern;
        }

        private void Blink()
        {
            try
            {
                while (true)
                {
                    int[] steps = Patterns[_pattern];
                    for (int i = 0; i < steps.Length; i++)
                    {
                        if (steps[i] > 0)
                        {
                            _pin.Write(i % 2 == 0 ? PinValue.High : PinValue.Low);
                            Thread.Sleep(steps[i]);
                        }
                    }
                }
            }
            catch (Exception ex)
            {
                // A dead LED must not go unnoticed in the log, nor take anything else down.
                Console.WriteLine("LED stopped: " + ex.Message);
            }
        }
    }
}
