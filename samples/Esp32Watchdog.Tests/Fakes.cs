using System.Collections.Generic;
using System.Text;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Status;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests
{
    internal sealed class FakeClock : IClock
    {
        public long NowMilliseconds { get; set; }

        public void Advance(long milliseconds)
        {
            NowMilliseconds += milliseconds;
        }
    }

    internal sealed class RecordingLog : IDecisionLog
    {
        public readonly List<Decision> Decisions = new List<Decision>();

        public void Record(Decision decision)
        {
            Decisions.Add(decision);
        }

        public List<DecisionCode> Codes()
        {
            var codes = new List<DecisionCode>();
            foreach (var d in Decisions)
            {
                codes.Add(d.Code);
            }

            return codes;
        }

        public int Count(DecisionCode code)
        {
            int n = 0;
            foreach (var d in Decisions)
            {
                if (d.Code == code)
                {
                    n++;
                }
            }

            return n;
        }

        public override string ToString()
        {
            var sb = new StringBuilder();
            foreach (var d in Decisions)
            {
                sb.AppendLine(d.ToString());
            }

            return sb.ToString();
        }
    }

    internal sealed class FakeNetwork : INetworkStatus
    {
        public bool IsUp { get; set; } = true;
    }

    internal sealed class FakeLed : IStatusLed
    {
        public readonly List<LedPattern> Shown = new List<LedPattern>();

        public void Show(LedPattern pattern)
        {
            Shown.Add(pattern);
        }
    }

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
                throw new System.InvalidOperationException("relay");
            }
        }
    }

    internal sealed class FakeBoardReset : IBoardReset
    {
        public int Calls;
        public string LastReason;
        public readonly System.Threading.ManualResetEventSlim Fired = new System.Threading.ManualResetEventSlim(false);

        public void ResetBoard(string reason)
        {
            Calls++;
            LastReason = reason;
            Fired.Set();
        }
    }
}
