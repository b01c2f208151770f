// Device-only: needs nanoFramework.System.Device.Gpio. Listed in Esp32Watchdog.nfproj, excluded from the host build.
using System.Device.Gpio;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Platform
{
    /// <summary>
    /// The board's button (to ground, internal pull-up), fed to <see cref="ButtonPress"/>: debounced
    /// and decided on release. Interrupts see short presses the main loop would miss while a probe
    /// blocks; the loop's polls see the release.
    /// </summary>
    internal sealed class BoardButton
    {
        private readonly GpioPin _pin;
        private readonly ButtonPress _press;
        private readonly IClock _clock;

        /// <summary>Opens the configured pin; with none (-1) the button is absent and every call does nothing.</summary>
        internal BoardButton(GpioController gpio, WatchdogConfig config, IClock clock)
        {
            _press = new ButtonPress(config);
            _clock = clock;
            if (config.AcknowledgeButtonGpioPin >= 0)
            {
                _pin = gpio.OpenPin(config.AcknowledgeButtonGpioPin, PinMode.InputPullUp);
                _pin.ValueChanged += (sender, e) => _press.Update(e.ChangeType == PinEventTypes.Falling, _clock.NowMilliseconds);
            }
        }

        /// <summary>Whether the button is held now.</summary>
        internal bool IsHeld
        {
            get { return _pin != null && _pin.Read() == PinValue.Low; }
        }

        /// <summary>Reads the button and hands a completed gesture (or a stuck button) to the supervisor.</summary>
        internal void Poll(WatchdogSupervisor supervisor)
        {
            if (_pin == null)
            {
                return;
            }

            _press.Update(IsHeld, _clock.NowMilliseconds);
            supervisor.OnButton(_press.TakeGesture());
            if (_press.TakeStuckReport())
            {
                supervisor.ReportButtonStuck();
            }
        }
    }
}
