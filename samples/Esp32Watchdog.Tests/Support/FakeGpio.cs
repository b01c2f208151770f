using System;
using System.Collections;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A classic ESP32's GPIO with nanoFramework's rules (nanoframework.md): a pin the chip lacks
    /// throws at OpenPin; 34-39 are input-only and have no pull-ups; Write below Output throws
    /// ArgumentException (no latch); entering Output drives Low at once. A released pin reads the
    /// relay module's pull-up (High). Every level the line takes is traced.
    /// </summary>
    internal sealed class FakeGpio : IGpio
    {
        /// <summary>Every level the lines took, as "pin:level" (H, L, Z for released).</summary>
        public readonly ArrayList Trace = new ArrayList();

        public bool IsModeSupported(int pin, GpioMode mode)
        {
            if (!Exists(pin))
            {
                return false;
            }

            return mode == GpioMode.Input || pin < 34;
        }

        public IGpioPin OpenPin(int pin, GpioMode mode)
        {
            if (!Exists(pin))
            {
                throw new ArgumentException("no such pin");
            }

            FakePin opened = new FakePin(this, pin);
            opened.SetMode(mode);
            return opened;
        }

        /// <summary>Whether the line of <paramref name="pin"/> was ever at <paramref name="level"/> ("H", "L" or "Z").</summary>
        public bool EverAt(int pin, string level)
        {
            string wanted = pin.ToString() + ":" + level;
            for (int i = 0; i < Trace.Count; i++)
            {
                if ((string)Trace[i] == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Exists(int pin)
        {
            return pin >= 0 && pin <= 39 && pin != 20 && pin != 24 && (pin < 28 || pin > 31);
        }

        private sealed class FakePin : IGpioPin
        {
            private readonly FakeGpio _gpio;
            private GpioMode _mode = GpioMode.Input;

            public FakePin(FakeGpio gpio, int number)
            {
                _gpio = gpio;
                Number = number;
            }

            public int Number { get; private set; }

            public void SetMode(GpioMode mode)
            {
                if (mode == GpioMode.Output && Number >= 34)
                {
                    throw new ArgumentException("input-only pin");
                }

                _mode = mode;

                // CPU_GPIO_EnableOutputPin starts Low; an input is released (module pull-up).
                _gpio.Trace.Add(Number.ToString() + (mode == GpioMode.Output ? ":L" : ":Z"));
            }

            public void Write(bool high)
            {
                if (_mode != GpioMode.Output)
                {
                    throw new ArgumentException("pin is not an output");
                }

                _gpio.Trace.Add(Number.ToString() + (high ? ":H" : ":L"));
            }

            public bool Read()
            {
                return true;
            }
        }
    }
}
