using System;
using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>Pumping: the single-threaded <see cref="Poll"/>, and the background pump thread.</summary>
    public sealed partial class ApiClient
    {
        /// <summary>
        /// Single-threaded mode: sends what is queued, reads the transport for up to
        /// <paramref name="timeoutMilliseconds"/>, runs handlers and timers, and returns the next
        /// reply of a command sent without a handler (valid until the next call).
        /// </summary>
        /// <param name="timeoutMilliseconds">How long to wait for bytes.</param>
        /// <returns>A reply, or null when none arrived in time (the connection is still alive).</returns>
        /// <exception cref="MikrotikException">The connection has ended (before or during the call): its <see cref="Error"/>.</exception>
        public Reply Poll(int timeoutMilliseconds)
        {
            if (_driver.IsPumpRunning)
            {
                throw new MikrotikException(ErrorCode.InvalidState, "the pump is running");
            }

            Reply reply = _driver.Turn(timeoutMilliseconds);
            if (reply == null && !_driver.IsConnected)
            {
                ErrorCode error = _driver.EndReason;
                throw new MikrotikException(error, ErrorMessage != null ? ErrorMessage : Describe(error));
            }

            return reply;
        }

        /// <summary>Starts the background pump thread. The pump stops by itself when the connection ends.</summary>
        public void StartPump()
        {
            _driver.StartPump(PumpLoop);
        }

        /// <summary>Stops the pump and waits for its thread to end. Nothing is left running.</summary>
        public void StopPump()
        {
            Thread pump = _driver.RequestPumpStop();
            if (pump != null && pump != Thread.CurrentThread)
            {
                pump.Join();
            }

            _driver.PumpEnded(pump);
        }

        private void PumpLoop()
        {
            try
            {
                while (_driver.PumpShouldRun)
                {
                    _driver.Turn(_options.ReadSliceMilliseconds);
                }
            }
            catch (Exception)
            {
                // An unhandled exception would end the thread silently on the device.
                _driver.PumpFailed();
            }
            finally
            {
                _driver.PumpEnded(Thread.CurrentThread);
            }
        }
    }
}
