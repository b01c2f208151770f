using System.Collections;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// Keeps every decision, in order, and compares them with what a test expects. Plaintext-connect
    /// warnings are kept apart (<see cref="Warnings"/>): they are about the connection, not the
    /// router's health, and come with every connect of a plain-API router.
    /// </summary>
    internal sealed class RecordingLog : IDecisionLog
    {
        private readonly ArrayList _decisions = new ArrayList();

        /// <summary>The plaintext-connect warnings, in order.</summary>
        public readonly ArrayList Warnings = new ArrayList();

        /// <summary>How many decisions were recorded.</summary>
        public int Count
        {
            get { return _decisions.Count; }
        }

        /// <summary>The last decision.</summary>
        public Decision Last
        {
            get { return (Decision)_decisions[_decisions.Count - 1]; }
        }

        public void Record(Decision decision)
        {
            if (decision.Code == DecisionCode.PlaintextConnect)
            {
                Warnings.Add(decision);
                return;
            }

            _decisions.Add(decision);
        }

        /// <summary>The decision at <paramref name="index"/> (negative: from the end, -1 the last).</summary>
        public Decision At(int index)
        {
            return (Decision)_decisions[index < 0 ? _decisions.Count + index : index];
        }

        /// <summary>How many decisions have <paramref name="code"/>.</summary>
        public int CountOf(DecisionCode code)
        {
            int n = code == DecisionCode.PlaintextConnect ? Warnings.Count : 0;
            for (int i = 0; i < _decisions.Count; i++)
            {
                if (((Decision)_decisions[i]).Code == code)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Asserts that exactly these decisions were made, in this order.</summary>
        public void AssertCodes(params DecisionCode[] expected)
        {
            AssertCodesFrom(0, expected);
        }

        /// <summary>Asserts the decisions from <paramref name="start"/> on are exactly <paramref name="expected"/>.</summary>
        public void AssertCodesFrom(int start, params DecisionCode[] expected)
        {
            Assert.AreEqual(expected.Length, _decisions.Count - start, "decision count: " + ToString());
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(Decision.NameOf(expected[i]), Decision.NameOf(At(start + i).Code), "decision " + (start + i).ToString() + ": " + ToString());
            }
        }

        /// <summary>Every decision, separated by " / ", with commas made ';' (a failure message must have none).</summary>
        public override string ToString()
        {
            string text = string.Empty;
            for (int i = 0; i < _decisions.Count; i++)
            {
                text += (i == 0 ? string.Empty : " / ") + _decisions[i].ToString();
            }

            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == ',')
                {
                    chars[i] = ';';
                }
            }

            return new string(chars);
        }
    }
}
