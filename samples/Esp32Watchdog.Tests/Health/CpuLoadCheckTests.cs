using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Health
{
    /// <summary>The cpu-load check alone: its streak, its settings, its text and fields.</summary>
    [TestClass]
    public class CpuLoadCheckTests
    {
        /// <summary>At the threshold for the configured rounds fails; one round less does not; below it restarts the streak.</summary>
        [TestMethod]
        public static void FailsAfterTheConfiguredRoundsAtTheThreshold()
        {
            HealthSample s;
            CpuLoadCheck check = Declared(new CpuLoadCheck { ThresholdPercent = 90, ConsecutiveSamples = 3 }, out s);
            for (int i = 1; i < 3; i++)
            {
                Load(s, 90);
                Assert.IsFalse(check.Judge(s));
                Assert.AreEqual(i, check.Streak);
            }

            Load(s, 95);
            Assert.IsTrue(check.Judge(s));
            Assert.AreEqual("cpu-load >= 90% for 3 samples", check.Finding(s));

            Load(s, 89);
            Assert.IsFalse(check.Judge(s));
            Assert.AreEqual(0, check.Streak);
        }

        /// <summary>A round without a reading neither grows nor restarts the streak, so a router that went silent while pegged stays pegged.</summary>
        [TestMethod]
        public static void UnknownLoadKeepsTheStreak()
        {
            HealthSample s;
            CpuLoadCheck check = Declared(new CpuLoadCheck { ConsecutiveSamples = 2 }, out s);
            Load(s, 100);
            check.Judge(s);
            Load(s, 100);
            Assert.IsTrue(check.Judge(s));

            Load(s, -1);
            Assert.IsTrue(check.Judge(s));
            TestConfigs.Unreachable(s, ProbeFailure.Timeout);
            Assert.IsTrue(check.Judge(s));
            Assert.AreEqual(2, check.Streak);

            check.Reset();
            Assert.AreEqual(0, check.Streak);
            Assert.IsFalse(check.Judge(s));
        }

        /// <summary>Its fields: the last reading and the streak.</summary>
        [TestMethod]
        public static void FieldsAreTheReadingAndTheStreak()
        {
            HealthSample s;
            CpuLoadCheck check = Declared(new CpuLoadCheck(), out s);
            Load(s, 99);
            check.Judge(s);
            Assert.AreEqual("cpu_load_percent=99 cpu_high_streak=1", RecordingFields.Of(check, s));
            s.Reset();
            Assert.AreEqual("cpu_load_percent=null cpu_high_streak=1", RecordingFields.Of(check, s));
        }

        /// <summary>A copy has the settings and fresh state; out-of-range settings are refused.</summary>
        [TestMethod]
        public static void CopyKeepsSettingsAndValidateRefusesNonsense()
        {
            HealthSample s;
            CpuLoadCheck check = Declared(new CpuLoadCheck { Name = "cpu", ReportOnly = true, ThresholdPercent = 80, ConsecutiveSamples = 4 }, out s);
            Load(s, 100);
            check.Judge(s);
            CpuLoadCheck copy = (CpuLoadCheck)check.Copy();
            Assert.AreEqual("cpu", copy.Name);
            Assert.IsTrue(copy.ReportOnly);
            Assert.AreEqual(80, copy.ThresholdPercent);
            Assert.AreEqual(4, copy.ConsecutiveSamples);
            Assert.AreEqual(0, copy.Streak);
            Assert.IsNull(check.Validate());
            Assert.IsNotNull(new CpuLoadCheck { ConsecutiveSamples = 0 }.Validate());
            Assert.IsNotNull(new CpuLoadCheck { ThresholdPercent = 0 }.Validate());
            Assert.IsNull(new CpuLoadCheck { ThresholdPercent = 101 }.Validate(), "above 100 turns the check off");
        }

        private static void Load(HealthSample s, int load)
        {
            s.Reset();
            s.MarkLoggedIn();
            s.SetResource(s.Request.ResourceSlot("cpu-load"), load);
        }

        private static CpuLoadCheck Declared(CpuLoadCheck check, out HealthSample sample)
        {
            ProbeRequest request = new ProbeRequest();
            check.Declare(request);
            Assert.AreEqual("cpu-load", request.Resource(0));
            sample = new HealthSample(request);
            return check;
        }
    }
}
