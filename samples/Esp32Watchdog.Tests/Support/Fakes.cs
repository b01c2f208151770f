using System;
using System.Collections;
using System.Threading;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status;
using Esp32Watchdog.Supervision;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>The board's network, switched by the test.</summary>
    internal sealed class FakeNetwork : INetworkStatus
    {
        public bool IsUp { get; set; } = true;
    }

    /// <summary>Remembers every pattern the LED was asked to show.</summary>
    internal sealed class FakeLed : IStatusLed
    {
        public readonly ArrayList Shown = new ArrayList();

        public void Show(LedPattern pattern)
        {
            Shown.Add((int)pattern);
        }

        /// <summary>Whether <paramref name="pattern"/> was ever shown.</summary>
        public bool HasShown(LedPattern pattern)
        {
            return Shown.Contains((int)pattern);
        }

        /// <summary>The patterns shown, as text, e.g. "0 1 2" (for comparisons).</summary>
        public string Sequence()
        {
            string text = string.Empty;
            for (int i = 0; i < Shown.Count; i++)
            {
                text += (i == 0 ? string.Empty : " ") + Shown[i].ToString();
            }

            return text;
        }

        /// <summary>The same form as <see cref="Sequence"/> for expected patterns.</summary>
        public static string Of(params LedPattern[] patterns)
        {
            string text = string.Empty;
            for (int i = 0; i < patterns.Length; i++)
            {
                text += (i == 0 ? string.Empty : " ") + ((int)patterns[i]).ToString();
            }

            return text;
        }
    }

    /// <summary>A relay that counts its power-cycles and can be made to fail.</summary>
    internal sealed class FakeRelay : IPowerRelay
    {
        public int Calls;
        public int LastOffMilliseconds;
        public bool Throw;

        public void PowerCycle(int offMilliseconds)
        {
            Calls++;
            LastOffMilliseconds = offMilliseconds;
            if (Throw)
            {
                throw new InvalidOperationException("relay");
            }
        }
    }

    /// <summary>Counts board resets; <see cref="Fired"/> is set on the first.</summary>
    internal sealed class FakeBoardReset : IBoardReset
    {
        public int Calls;
        public string LastReason;
        public readonly ManualResetEvent Fired = new ManualResetEvent(false);

        public void ResetBoard(string reason)
        {
            Calls++;
            LastReason = reason;
            Fired.Set();
        }
    }
}
