using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>Asserts that an action fails with a given <see cref="ErrorCode"/>.</summary>
    internal static class Throws
    {
        /// <summary>Runs <paramref name="action"/> and asserts it throws <see cref="MikrotikException"/> with <paramref name="code"/>.</summary>
        internal static void Code(ErrorCode code, System.Action action)
        {
            try
            {
                action();
            }
            catch (MikrotikException e)
            {
                Assert.AreEqual((int)code, (int)e.Code, "error code");
                return;
            }

            Assert.IsTrue(false, "expected MikrotikException with code " + ((int)code).ToString());
        }
    }
}
