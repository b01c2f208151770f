using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>A second-port check that always gives the same answer, and counts the checks.</summary>
    internal sealed class FixedKnock : IPortKnock
    {
        public PortAnswer Answer;
        public int Knocks;

        public FixedKnock(PortAnswer answer)
        {
            Answer = answer;
        }

        public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
        {
            Knocks++;
            return Answer;
        }
    }
}
