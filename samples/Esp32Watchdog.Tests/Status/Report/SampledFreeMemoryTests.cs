using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Report;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Status.Report
{
    /// <summary>Free heap is measured once per loop pass, never per request.</summary>
    [TestClass]
    public class SampledFreeMemoryTests
    {
        /// <summary>Requests read the last sample; only Sample measures.</summary>
        [TestMethod]
        public static void RequestsDoNotMeasure()
        {
            CountingMemory source = new CountingMemory();
            SampledFreeMemory heap = new SampledFreeMemory(source);
            Assert.AreEqual(-1L, heap.FreeBytes());
            heap.Sample();
            for (int i = 0; i < 50; i++)
            {
                Assert.AreEqual(1000L, heap.FreeBytes());
            }

            Assert.AreEqual(1, source.Calls);
        }

        private sealed class CountingMemory : IFreeMemory
        {
            public int Calls;

            public long FreeBytes()
            {
                Calls++;
                return 1000;
            }
        }
    }
}
