using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Reconnect
{
    /// <summary>Back-off: doubling, capped, jittered within the upper half, reset after success.</summary>
    [TestClass]
    public class ReconnectPolicyTests
    {
        /// <summary>Each delay lies in [base/2, base] where base doubles up to the cap.</summary>
        [TestMethod]
        public static void DelaysGrowWithinBoundsUpToTheCap()
        {
            ReconnectPolicy policy = new ReconnectPolicy(1000, 30000, 42);
            int expected = 1000;
            for (int attempt = 0; attempt < 12; attempt++)
            {
                int delay = policy.NextDelayMilliseconds();
                Assert.IsTrue(delay >= expected / 2 && delay <= expected, "attempt " + attempt.ToString() + " delay " + delay.ToString());
                expected = expected * 2 > 30000 ? 30000 : expected * 2;
            }

            Assert.AreEqual(12, policy.Attempts);
            policy.Reset();
            Assert.IsTrue(policy.NextDelayMilliseconds() <= 1000);
        }

        /// <summary>Two boards with different seeds do not retry in lockstep.</summary>
        [TestMethod]
        public static void JitterDiffersBySeed()
        {
            ReconnectPolicy a = new ReconnectPolicy(10000, 60000, 1);
            ReconnectPolicy b = new ReconnectPolicy(10000, 60000, 2);
            bool differ = false;
            for (int i = 0; i < 5; i++)
            {
                differ |= a.NextDelayMilliseconds() != b.NextDelayMilliseconds();
            }

            Assert.IsTrue(differ);
        }

        /// <summary>Nonsense ranges are refused.</summary>
        [TestMethod]
        public static void BadRangeIsRefused()
        {
            Support.Throws.Code(ErrorCode.InvalidConfiguration, () => new ReconnectPolicy(0, 10, 1));
            Support.Throws.Code(ErrorCode.InvalidConfiguration, () => new ReconnectPolicy(100, 10, 1));
        }
    }
}
